/**
 * The public API as TypeScript sees it: every name src/index.ts (and src/node.ts) exports (through `export *` and namespace
 * re-exports), with its declaration's kind and the `@example` blocks of its doc comment. For the examples
 * test (test/architecture/examples.test.ts) and the public-surface test.
 */
import ts from 'typescript';
import { join, relative } from 'node:path';
import { ROOT } from './import-graph.ts';

export interface PublicExport {
  /** As written by a user: `checkModel`, or `gb2589.coefficient` for a namespace member. */
  name: string;
  /** Repository-relative file of the declaration. */
  file: string;
  /** A function or a class (what must carry an example); false for types, interfaces and constants. */
  callable: boolean;
  /** The text of each `@example` tag, comment stars removed. */
  examples: string[];
}

function examplesOf(node: ts.Node): string[] {
  const host = ts.isVariableDeclaration(node) ? node.parent.parent : node;
  return ts
    .getJSDocTags(host)
    .filter((tag) => tag.tagName.text === 'example')
    .map((tag) => (typeof tag.comment === 'string' ? tag.comment : (ts.getTextOfJSDocComment(tag.comment) ?? '')));
}

function isCallable(d: ts.Declaration): boolean {
  if (ts.isFunctionDeclaration(d) || ts.isClassDeclaration(d)) return true;
  if (ts.isVariableDeclaration(d) && d.initializer)
    return ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer);
  return false;
}

/** Every export of src/index.ts and of its Node-only part src/node.ts, sorted by name. */
export function publicExports(): PublicExport[] {
  const entries = [join(ROOT, 'src/index.ts'), join(ROOT, 'src/node.ts')];
  const program = ts.createProgram(entries, {
    allowImportingTsExtensions: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    noResolve: false,
  });
  const checker = program.getTypeChecker();
  const out: PublicExport[] = [];
  const walk = (symbols: ts.Symbol[], prefix: string) => {
    for (const exported of symbols) {
      const s = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const d = s.declarations?.[0];
      if (!d) continue;
      if (ts.isSourceFile(d)) {
        walk(checker.getExportsOfModule(s), `${exported.name}.`);
        continue;
      }
      out.push({
        name: prefix + exported.name,
        file: relative(ROOT, d.getSourceFile().fileName),
        callable: isCallable(d),
        examples: examplesOf(d),
      });
    }
  };
  for (const entry of entries)
    walk(checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!), '');
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** One runnable example: its code with each `EXPR // => EXPECTED` rewritten to a check of EXPR against EXPECTED. */
export interface RunnableExample {
  code: string;
  /** How many `// =>` assertions it makes. */
  checks: number;
}

/**
 * Turns an example into JavaScript: each expression statement followed on its last line by `// => value`
 * (or followed by it alone on the next line) becomes `await __check(() => EXPR, () => (value), 'EXPR')`; `// => throws text` becomes a check that it
 * throws an error whose message or issue codes contain `text`. TypeScript syntax is stripped.
 */
export function runnable(source: string): RunnableExample {
  // An asserted expression ends its statement (so `x // => 1` followed by a line opening with `[` is not
  // read as `x[…]`): a `;` goes before a trailing `// =>`, or after the line above a `// =>` line.
  const lines = source.split('\n');
  lines.forEach((line, k) => {
    if (/^\s*\/\/\s*=>/.test(line)) {
      const above = lines[k - 1];
      if (above !== undefined && !/;\s*$/.test(above)) lines[k - 1] = `${above};`;
    } else lines[k] = line.replace(/([^;\s])(\s*\/\/\s*=>)/, '$1;$2');
  });
  const example = lines.join('\n');
  const sf = ts.createSourceFile('example.ts', example, ts.ScriptTarget.ES2022, true);
  const edits: { start: number; end: number; text: string }[] = [];
  for (const st of sf.statements) {
    if (!ts.isExpressionStatement(st)) continue;
    // `// => value` at the end of the statement's last line, or alone on the next line
    const comment = (ts.getTrailingCommentRanges(example, st.end) ?? ts.getLeadingCommentRanges(example, st.end))?.[0];
    if (!comment || comment.kind !== ts.SyntaxKind.SingleLineCommentTrivia) continue;
    const m = /^\/\/\s*=>\s*(.*)$/.exec(example.slice(comment.pos, comment.end));
    if (!m) continue;
    const expr = st.expression.getText(sf);
    const expected = m[1]!.trim();
    const thrown = /^throws\s+(.*)$/.exec(expected);
    const text = thrown
      ? `await __throws(async () => (${expr}), ${JSON.stringify(thrown[1]!.replace(/^['"]|['"]$/g, ''))}, ${JSON.stringify(expr)});`
      : `await __check(async () => (${expr}), () => (${expected}), ${JSON.stringify(expr)});`;
    edits.push({ start: st.getStart(sf), end: comment.end, text });
  }
  let code = example;
  for (const e of edits.reverse()) code = code.slice(0, e.start) + e.text + code.slice(e.end);
  const js = ts.transpileModule(`(async () => {\n${code}\n})`, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  return { code: js, checks: edits.length };
}
