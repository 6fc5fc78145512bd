import type { PathSegment } from './issues.ts';
import { Ch, isWs } from './json-text.ts';

/** The lines of JSON paths in a text (`plant.json:42` beside `flows[3].to`), for json-locate.ts. */

interface Trie {
  children: Map<string, Trie>;
  line?: number;
}
const segKey = (s: PathSegment) => (typeof s === 'number' ? `#${s}` : `.${s}`);

/**
 * For each path, the line on which its value starts in a valid JSON text — or, where the path is
 * not in the text (a missing key), the line of its nearest ancestor that is. One pass for all
 * paths: subtrees no path enters are skipped by counting brackets.
 *
 * @example
 * // a[1] is on line 3; b is absent: the line of its nearest ancestor, the root
 * linesOfPaths('{\n"a": [1,\n 2]}', [['a', 1], ['b']]) // => [3, 1]
 */
export function linesOfPaths(text: string, paths: readonly (readonly PathSegment[])[]): (number | undefined)[] {
  if (paths.length === 0) return []; // nothing to find: no walk over the text (~50 ms at 14 MB)
  const root: Trie = { children: new Map() };
  for (const path of paths) {
    let node = root;
    for (const seg of path) {
      const k = segKey(seg);
      let next = node.children.get(k);
      if (!next) {
        next = { children: new Map() };
        node.children.set(k, next);
      }
      node = next;
    }
  }
  const n = text.length;
  let pos = 0;
  let line = 1;
  const skipWs = () => {
    for (; pos < n; pos++) {
      const c = text.charCodeAt(pos);
      if (c === Ch.Lf) line++;
      else if (c !== Ch.Space && c !== Ch.Cr && c !== Ch.Tab) return;
    }
  };
  const skipString = () => {
    for (pos++; pos < n; pos++) {
      const c = text.charCodeAt(pos);
      if (c === Ch.Backslash) pos++;
      else if (c === Ch.Quote) {
        pos++;
        return;
      } else if (c === Ch.Lf) line++;
    }
  };
  /** Skips a whole container without looking at its paths. */
  const skipContainer = () => {
    let depth = 0;
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === Ch.Quote) {
        skipString();
        continue;
      }
      if (c === Ch.OpenBrace || c === Ch.OpenBracket) depth++;
      else if (c === Ch.CloseBrace || c === Ch.CloseBracket) {
        depth--;
        if (depth === 0) {
          pos++;
          return;
        }
      } else if (c === Ch.Lf) line++;
      pos++;
    }
  };
  const skipScalar = () => {
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (isWs(c) || c === Ch.Comma || c === Ch.CloseBrace || c === Ch.CloseBracket) return;
      pos++;
    }
  };
  const stack: { trie: Trie; object: boolean; index: number }[] = [];
  /** At a value's first character: note its line where a path wants it, descend where one goes on. */
  const enter = (trie: Trie | undefined) => {
    skipWs();
    if (trie) trie.line = line;
    const c = text.charCodeAt(pos);
    if (c === Ch.OpenBrace || c === Ch.OpenBracket) {
      if (trie && trie.children.size > 0) {
        stack.push({ trie, object: c === Ch.OpenBrace, index: 0 });
        pos++;
      } else skipContainer();
    } else if (c === Ch.Quote) skipString();
    else skipScalar();
  };
  enter(root);
  while (stack.length > 0 && pos < n) {
    const top = stack[stack.length - 1]!;
    skipWs();
    const c = text.charCodeAt(pos);
    if (c === Ch.CloseBrace || c === Ch.CloseBracket) {
      stack.pop();
      pos++;
      continue;
    }
    if (c === Ch.Comma) {
      pos++;
      skipWs();
    }
    let child: Trie | undefined;
    if (top.object) {
      const start = pos;
      skipString();
      let key: string;
      try {
        key = JSON.parse(text.slice(start, pos)) as string;
      } catch {
        break; // not valid JSON: stop with what is known
      }
      skipWs();
      pos++; // ':'
      child = top.trie.children.get(`.${key}`);
    } else child = top.trie.children.get(`#${top.index++}`);
    enter(child);
  }
  return paths.map((path) => {
    let node: Trie | undefined = root;
    let found = root.line;
    for (const seg of path) {
      node = node.children.get(segKey(seg));
      if (!node || node.line === undefined) break;
      found = node.line;
    }
    return found;
  });
}
