/**
 * The import graph of the repository's TypeScript, read with TypeScript's own pre-processor (static
 * imports and re-exports, `import type` included, and dynamic `import()`), for the architecture tests.
 * Only relative specifiers are followed; npm packages are leaves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Every .ts file under `dir` (relative to the repository), sorted, as repository-relative paths. */
export function tsFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(join(ROOT, d), { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== 'dist' && e.name !== 'fixtures') walk(p);
      } else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** One import of a file: the specifier as written, its repository-relative target (relative ones), its line. */
export interface ImportEdge {
  from: string;
  specifier: string;
  target: string | null;
  line: number;
}

/** The imports of one file. */
export function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const info = ts.preProcessFile(text, true, true);
  const lineOf = (pos: number) => text.slice(0, pos).split('\n').length;
  return info.importedFiles.map((f) => {
    const relativeSpec = f.fileName.startsWith('./') || f.fileName.startsWith('../');
    return {
      from: file,
      specifier: f.fileName,
      target: relativeSpec ? relative(ROOT, resolve(ROOT, dirname(file), f.fileName)) : null,
      line: lineOf(f.pos),
    };
  });
}

/**
 * The strongly connected components of more than one file (or a file importing itself) among `files`:
 * each is an import cycle. Tarjan's algorithm, iterative.
 */
export function importCycles(files: string[]): string[][] {
  const inSet = new Set(files);
  const edges = new Map<string, string[]>();
  for (const f of files) {
    edges.set(
      f,
      importsOf(f)
        .map((e) => e.target)
        .filter((t): t is string => t !== null && inSet.has(t)),
    );
  }
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  for (const root of files) {
    if (index.has(root)) continue;
    const work: { v: string; i: number }[] = [{ v: root, i: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const out = edges.get(top.v)!;
      if (top.i < out.length) {
        const w = out[top.i++]!;
        if (!index.has(w)) {
          index.set(w, next);
          low.set(w, next++);
          stack.push(w);
          onStack.add(w);
          work.push({ v: w, i: 0 });
        } else if (onStack.has(w)) low.set(top.v, Math.min(low.get(top.v)!, index.get(w)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.v, Math.min(low.get(parent.v)!, low.get(top.v)!));
      if (low.get(top.v) === index.get(top.v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== top.v);
        if (component.length > 1 || out.includes(top.v)) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}
