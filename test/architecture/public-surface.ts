/**
 * The rule of one public surface (docs/architecture.md "One public surface"): what lies outside the core —
 * web/, bench/, the CLI (src/cli/) — reaches the core only through src/index.ts, or its Node-only part
 * src/node.ts (not the web). The CLI may import a domain's entry (`src/<domain>/index.ts`, or a data module
 * src/index.ts re-exports as a namespace) instead, so a command loads only the domains it uses, but only
 * names the two entry files export as the same declaration. Read with the TypeScript checker, types included.
 */
import ts from 'typescript';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from './import-graph.ts';

export interface SurfaceViolation {
  file: string;
  line: number;
  specifier: string;
  /** What is wrong: the module is no entry, or the names the public API does not export. */
  problem: string;
}

/** Core = src/ without the CLI. */
const isCore = (target: string) => target.startsWith('src/') && !target.startsWith('src/cli/');

/** What a file may import: the web only src/index.ts; bench/ also src/node.ts; the CLI also domain entries. */
export type Role = 'web' | 'bench' | 'cli';

/** Violations in `files` (repository-relative), each file importing as its `role` allows. */
export function surfaceViolations(files: string[], role: (file: string) => Role): SurfaceViolation[] {
  const index = join(ROOT, 'src/index.ts');
  const node = join(ROOT, 'src/node.ts');
  const program = ts.createProgram([index, node, ...files.map((f) => join(ROOT, f))], {
    allowImportingTsExtensions: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const resolveAlias = (s: ts.Symbol) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  const publicDecls = new Set<ts.Symbol>();
  const namespaceModules = new Set<string>();
  const entryExports = [index, node].flatMap((f) =>
    checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(f)!)!),
  );
  for (const e of entryExports) {
    const s = resolveAlias(e);
    publicDecls.add(s);
    const d = s.declarations?.[0];
    if (d && ts.isSourceFile(d)) namespaceModules.add(relative(ROOT, d.fileName));
  }
  const out: SurfaceViolation[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(join(ROOT, file))!;
    const visit = (node: ts.Node) => {
      let spec: ts.StringLiteral | undefined;
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier)
        spec = node.moduleSpecifier as ts.StringLiteral;
      else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const a = node.arguments[0];
        if (a && ts.isStringLiteral(a)) spec = a;
      }
      if (spec?.text.startsWith('.')) {
        const target = relative(ROOT, resolve(ROOT, dirname(file), spec.text));
        if (isCore(target)) {
          const line = sf.getLineAndCharacterOfPosition(spec.getStart(sf)).line + 1;
          const r = role(file);
          const entry =
            target === 'src/index.ts' ||
            (r !== 'web' && target === 'src/node.ts') ||
            (r === 'cli' && (/^src\/[^/]+\/index\.ts$/.test(target) || namespaceModules.has(target)));
          if (!entry) out.push({ file, line, specifier: spec.text, problem: 'not the public API or a domain entry' });
          else if (!namespaceModules.has(target) && ts.isImportDeclaration(node)) {
            const bindings = node.importClause?.namedBindings;
            const names = bindings && ts.isNamedImports(bindings) ? bindings.elements : [];
            const hidden = names
              .filter((n) => {
                const s = checker.getSymbolAtLocation(n.name);
                return !s || !publicDecls.has(resolveAlias(s));
              })
              .map((n) => (n.propertyName ?? n.name).text);
            if (bindings && ts.isNamespaceImport(bindings) && target !== 'src/index.ts')
              out.push({ file, line, specifier: spec.text, problem: 'namespace import of a domain entry' });
            if (hidden.length > 0)
              out.push({ file, line, specifier: spec.text, problem: `not in the public API: ${hidden.join(', ')}` });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}
