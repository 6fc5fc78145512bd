import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/rng.ts';
import { z } from 'zod/mini';
import {
  COMPILED_PARSE_MIN_FLOWS,
  compiledModelSchema,
  parseChangesValue,
  parseInPlace,
  useCompiledParser,
} from '../../src/model/compiled-schema.ts';
import { InputError } from '../../src/model/issues.ts';
import { loadModel, parseLargeModelsWith } from '../../src/model/load.ts';
import { meterSchema, modelSchema } from '../../src/model/schema.ts';
import { PARSE_OPTIONS } from '../../src/model/schema-primitives.ts';
import { generatePlant } from '../web/generate-plant.ts';

/**
 * Large models are parsed with zod's compiled parser (src/model/compiled-schema.ts). It must be the
 * ordinary parser to the last issue: the same success, the same parsed model, the same issues with
 * the same paths and messages — on every bundled model and on many broken copies of them.
 */
const DATASETS = join(import.meta.dirname, '../../datasets');
const models = readdirSync(DATASETS)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, data: JSON.parse(readFileSync(join(DATASETS, f), 'utf8')) as Record<string, unknown> }))
  .filter((m) => Array.isArray(m.data.flows));

/** What a user gets wrong: a wrong type, an unknown key, a missing key, a bad enum, a negative σ, null, an empty id. */
const BREAKS: ((o: Record<string, unknown>, key: string) => void)[] = [
  (o, k) => {
    o[k] = typeof o[k] === 'number' ? 'x' : 12;
  },
  (o) => {
    o.unknownKey = 1;
  },
  (o, k) => {
    delete o[k];
  },
  (o, k) => {
    o[k] = 'not-an-enum-value';
  },
  (o, k) => {
    o[k] = -1;
  },
  (o, k) => {
    o[k] = null;
  },
  (o, k) => {
    o[k] = '';
  },
  (o, k) => {
    o[k] = [o[k]];
  },
];

/** Every object inside `value` (arrays' elements included), for a random one to be broken. */
function objectsIn(value: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) for (const v of value) objectsIn(v, out);
  else if (value !== null && typeof value === 'object') {
    out.push(value as Record<string, unknown>);
    for (const v of Object.values(value)) objectsIn(v, out);
  }
  return out;
}

const both = (data: unknown) => [
  modelSchema.safeParse(data, PARSE_OPTIONS),
  compiledModelSchema().safeParse(data, PARSE_OPTIONS),
];

describe('the compiled model parser (large models)', () => {
  afterEach(() => useCompiledParser());

  it.each(models.map((m) => [m.file, m.data] as const))('%s: the same parsed model', (_, data) => {
    const [a, b] = both(data);
    expect(a!.success).toBe(true);
    expect(b!.success).toBe(true);
    expect(b!.data).toEqual(a!.data);
  });

  it('200 broken copies of the bundled models: the same issues (paths, codes, messages) or the same model', () => {
    const rand = mulberry32(20261207);
    let failed = 0;
    for (let k = 0; k < 200; k++) {
      const { data } = models[k % models.length]!;
      const copy = structuredClone(data);
      // one to three breaks in one copy
      for (let b = 0, breaks = 1 + Math.floor(rand() * 3); b < breaks; b++) {
        const objects = objectsIn(copy);
        const target = objects[Math.floor(rand() * objects.length)]!;
        const keys = Object.keys(target);
        const key = keys.length > 0 ? keys[Math.floor(rand() * keys.length)]! : 'id';
        BREAKS[Math.floor(rand() * BREAKS.length)]!(target, key);
      }
      const [a, b] = both(copy);
      expect(b!.success).toBe(a!.success);
      if (a!.success) expect(b!.data).toEqual(a!.data);
      else {
        failed++;
        expect(b!.error!.issues).toEqual(a!.error!.issues);
      }
    }
    expect(failed).toBeGreaterThan(100); // the breaks do break most copies
  });

  it(`loadModel uses it from ${COMPILED_PARSE_MIN_FLOWS} flows, with the result of the ordinary parser`, () => {
    const big = generatePlant(40, Math.ceil(COMPILED_PARSE_MIN_FLOWS / 2));
    expect(big.flows.length).toBeGreaterThanOrEqual(COMPILED_PARSE_MIN_FLOWS);
    let used = 0;
    parseLargeModelsWith(() => {
      used++;
      return compiledModelSchema();
    }, COMPILED_PARSE_MIN_FLOWS);
    const compiled = loadModel(big, 'big.json');
    expect(used).toBe(1);
    loadModel({ ...big, flows: big.flows.slice(0, COMPILED_PARSE_MIN_FLOWS - 1) }, 'small.json');
    expect(used).toBe(1); // below the threshold: the ordinary parser
    parseLargeModelsWith(() => modelSchema, COMPILED_PARSE_MIN_FLOWS);
    expect(compiled).toEqual(loadModel(big, 'big.json'));
    // a broken large model: the same issues either way
    const broken = structuredClone(big) as unknown as { flows: Record<string, unknown>[] };
    broken.flows[123]!.value = 'x';
    broken.flows[4567]!.extra = true;
    const ordinary = (() => {
      try {
        return loadModel(broken, 'big.json');
      } catch (e) {
        return e;
      }
    })();
    useCompiledParser();
    expect(ordinary).toBeInstanceOf(InputError);
    expect(() => loadModel(broken, 'big.json')).toThrow(InputError);
    try {
      loadModel(broken, 'big.json');
    } catch (e) {
      expect((e as InputError).issues).toEqual((ordinary as InputError).issues);
      expect((e as InputError).issues.map((i) => i.code)).toEqual(['schema.type', 'schema.unknownKey']);
    }
  });

  it('the flows and nodes of a large model are validated where they lie: the same model, their own arrays', () => {
    const { flows, nodes } = modelSchema.def.shape;
    // nothing in them changes a valid value (no default, transform, stripping object …), so the input is the output
    expect([parseChangesValue(flows), parseChangesValue(nodes)]).toEqual([false, false]);
    // what would change it is seen, however deep
    expect(parseChangesValue(z.array(meterSchema))).toBe(true); // a meter's status has a default
    expect(parseChangesValue(z.object({ a: z.number() }))).toBe(true); // strips unknown keys
    expect(parseChangesValue(z.strictObject({ a: z.array(z.optional(z.pipe(z.string(), z.transform(Number)))) }))).toBe(
      true,
    );
    expect(parseChangesValue(z.record(z.string(), z.readonly(z.strictObject({}))))).toBe(true);
    const big = structuredClone(generatePlant(40, Math.ceil(COMPILED_PARSE_MIN_FLOWS / 2))) as unknown as Record<
      string,
      unknown
    >;
    big.meters = [{ id: 'M1', flows: [(big.flows as { id: string }[])[0]!.id] }];
    const model = parseInPlace(big)!;
    expect(model.flows).toBe(big.flows);
    expect(model.nodes).toBe(big.nodes);
    expect(model).toEqual(modelSchema.safeParse(big, PARSE_OPTIONS).data);
    expect(model.meters![0]!.status).toBe('in-service'); // the rest parsed: its defaults are there
    // anything invalid, in the bulk or the rest: declined, and the ordinary parse says why
    const badFlow = structuredClone(big) as { flows: Record<string, unknown>[] };
    badFlow.flows[7]!.sd = -1;
    const badRest = { ...big, settings: { periodHours: -1 } };
    const badKey = { ...big, extra: 1 };
    for (const bad of [badFlow, badRest, badKey, { ...big, nodes: [] }, null, [], 'x'])
      expect(parseInPlace(bad)).toBeUndefined();
  });
});
