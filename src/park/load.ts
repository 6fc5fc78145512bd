import { InputError, issue, type InputIssue } from '../model/issues.ts';
import { linesOfPaths } from '../model/json-locate.ts';
import { parseJsonText } from '../model/json-file.ts';
import { fromZod } from '../model/load.ts';
import type { Model } from '../model/schema.ts';
import { PARSE_OPTIONS } from '../model/schema-primitives.ts';
import { parkSchema, type LinkEnd, type Park } from './schema.ts';

/**
 * Sets the line of every issue that has none, from its JSON path in `text` (one pass for all).
 *
 * @example
 * locateIssues('{\n "a": 1\n}', [issue(['a'], 'x')])[0].line // => 2
 */
export function locateIssues(text: string, issues: InputIssue[]): InputIssue[] {
  const unlocated = issues.filter((i) => i.line === undefined);
  const lines = linesOfPaths(
    text,
    unlocated.map((i) => i.path),
  );
  unlocated.forEach((i, k) => {
    if (lines[k] !== undefined) i.line = lines[k];
  });
  return issues;
}

/**
 * Reads PARK.json: JSON syntax (strict, with line and column), duplicate keys, the schema, and what
 * can be checked without the members' models (unique ids, link ends naming a member, each end a
 * flow or a node). Throws InputError with every problem, each located in the park file.
 *
 * @example
 * const park = parsePark(readFileSync('datasets/park/park.json', 'utf8'), 'park.json');
 * [park.members.length, park.links.length] // => [4, 3]
 */
export function parsePark(input: string | Uint8Array, file = 'park.json'): Park {
  const { text: body, data, duplicates } = parseJsonText(input, file);
  const parsed = parkSchema.safeParse(data, PARSE_OPTIONS);
  const issues = [
    ...duplicates,
    ...(parsed.success ? validatePark(parsed.data) : parsed.error.issues.flatMap(fromZod)),
  ];
  if (issues.some((i) => i.severity === 'error')) throw new InputError(file, locateIssues(body, issues));
  return parsed.data!;
}

/**
 * Unique member and link ids; every link end names a known member and exactly one of flow or node.
 *
 * @example
 * validatePark(parsePark(readFileSync('datasets/park/park.json', 'utf8'), 'park.json')) // => []
 */
export function validatePark(park: Park): InputIssue[] {
  const issues: InputIssue[] = [];
  const members = new Map<string, number>();
  park.members.forEach((m, i) => {
    if (members.has(m.id))
      issues.push(
        issue(['members', i, 'id'], 'park.duplicateMember', { id: m.id, first: `members[${members.get(m.id)}]` }),
      );
    else members.set(m.id, i);
  });
  const links = new Map<string, number>();
  (park.links ?? []).forEach((l, i) => {
    if (links.has(l.id))
      issues.push(issue(['links', i, 'id'], 'park.duplicateLink', { id: l.id, first: `links[${links.get(l.id)}]` }));
    else links.set(l.id, i);
    for (const side of ['from', 'to'] as const)
      l[side].forEach((end, j) => {
        const at = ['links', i, side, j];
        if (!members.has(end.member))
          issues.push(
            issue([...at, 'member'], 'park.unknownMember', { id: end.member, members: [...members.keys()].join(', ') }),
          );
        if ((end.flow === undefined) === (end.node === undefined)) issues.push(issue(at, 'park.endFlowOrNode'));
      });
  });
  return issues;
}

/**
 * What the link ends need of the members' models: the flow or node exists; a supplier's flow
 * leaves its member (to outside), a receiver's flow enters it (from outside); no flow serves two
 * links; and no stock flow is a link. `models` holds the members' models by id (as used: a period
 * of a multi-period model already taken out).
 *
 * @example
 * const park = parsePark(readFileSync('datasets/park/park.json', 'utf8'), 'park.json');
 * const models = new Map(park.members.map((m) => [m.id, parseModel(readFileSync(`datasets/park/${m.model}`), m.model).model]));
 * validateLinkEnds(park, models) // => []
 */
export function validateLinkEnds(park: Park, models: ReadonlyMap<string, Model>): InputIssue[] {
  const issues: InputIssue[] = [];
  const used = new Map<string, string>();
  (park.links ?? []).forEach((l, i) => {
    for (const side of ['from', 'to'] as const)
      l[side].forEach((end: LinkEnd, j) => {
        const model = models.get(end.member);
        if (!model) return;
        const at = ['links', i, side, j];
        if (end.node !== undefined) {
          if (!model.nodes.some((n) => n.id === end.node))
            issues.push(issue([...at, 'node'], 'park.unknownNode', { member: end.member, id: end.node }));
          return;
        }
        const flow = model.flows.find((f) => f.id === end.flow);
        if (!flow) {
          issues.push(issue([...at, 'flow'], 'park.unknownFlow', { member: end.member, id: end.flow! }));
          return;
        }
        const boundary =
          side === 'from' ? flow.to === null && flow.from !== null : flow.from === null && flow.to !== null;
        if (!boundary || flow.stock)
          issues.push(
            issue([...at, 'flow'], side === 'from' ? 'park.notOutflow' : 'park.notInflow', {
              member: end.member,
              id: flow.id,
            }),
          );
        const key = `${end.member}/${flow.id}`;
        if (used.has(key))
          issues.push(
            issue([...at, 'flow'], 'park.flowTwice', { member: end.member, id: flow.id, link: used.get(key)! }),
          );
        else used.set(key, l.id);
      });
  });
  return issues;
}
