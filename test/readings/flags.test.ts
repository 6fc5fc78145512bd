import { describe, expect, it } from 'vitest';
import { at, flag, ingestText, modelWith } from './helpers.ts';

const series = (values: number[]) => `time,M1\n${values.map((v, i) => `${at(i)},${v}`).join('\n')}\n`;
/** A deterministic wobble of ±0.5 around `base`. */
const wobble = (n: number, base: number) => Array.from({ length: n }, (_, i) => base + 0.5 * Math.sin(i * 1.7));

describe('quality flags', () => {
  it('stuck: a rate frozen at a non-zero value for ≥ 1 h', async () => {
    const model = modelWith([{ id: 'M1', reading: { kind: 'rate', unit: 'm3' } }]);
    const values = [...wobble(30, 20), ...Array(61).fill(17.25), ...wobble(30, 20)];
    const r = await ingestText(series(values), { model });
    const f = flag(r, 'M1', 'stuck');
    expect(f?.count).toBe(1);
    expect(f?.examples[0]).toMatchObject({ line: 32, value: 17.25 });
    expect(f!.examples[0].end! - f!.examples[0].at).toBe(60 * 60_000);
  });
  it('a rate at zero for hours is a stopped machine, not a stuck meter', async () => {
    const model = modelWith([{ id: 'M1', reading: { kind: 'rate', unit: 'm3' } }]);
    const r = await ingestText(series([...wobble(30, 20), ...Array(120).fill(0), ...wobble(30, 20)]), { model });
    expect(flag(r, 'M1', 'stuck')).toBeUndefined();
  });
  it('stuck: a totalizer that normally moves stands still for 2 h', async () => {
    const values: number[] = [];
    let v = 0;
    for (let i = 0; i < 300; i++) {
      if (i < 100 || i > 220) v += 1;
      values.push(v);
    }
    const r = await ingestText(series(values));
    expect(flag(r, 'M1', 'stuck')?.count).toBe(1);
  });
  it('spike: one reading far off a noisy rate series (modified z-score of the local deviation)', async () => {
    const model = modelWith([{ id: 'M1', reading: { kind: 'rate', unit: 'm3' } }]);
    const values = wobble(200, 50);
    values[120] = 95;
    const r = await ingestText(series(values), { model });
    expect(flag(r, 'M1', 'spike')).toMatchObject({ count: 1, examples: [{ line: 122, value: 95 }] });
  });
  it('spike: found in the warm-up stretch too', async () => {
    const model = modelWith([{ id: 'M1', reading: { kind: 'rate', unit: 'm3' } }]);
    const values = wobble(200, 50);
    values[5] = 5;
    const r = await ingestText(series(values), { model });
    expect(flag(r, 'M1', 'spike')).toMatchObject({ count: 1, examples: [{ line: 7, value: 5 }] });
  });
  it('no spikes in plain noise', async () => {
    const model = modelWith([{ id: 'M1', reading: { kind: 'rate', unit: 'm3' } }]);
    const r = await ingestText(series(wobble(500, 50)), { model });
    expect(flag(r, 'M1', 'spike')).toBeUndefined();
  });
  it('out of declared range: reading.max 100, one reading at 150', async () => {
    const model = modelWith([{ id: 'M1', reading: { kind: 'rate', unit: 'm3', min: 0, max: 100 } }]);
    const r = await ingestText(series([50, 60, 150, 55, -1]), { model });
    expect(flag(r, 'M1', 'out-of-range')).toMatchObject({
      count: 2,
      examples: [
        { line: 4, value: 150 },
        { line: 6, value: -1 },
      ],
    });
    expect(flag(r, 'M1', 'negative-increment')).toMatchObject({ count: 1, examples: [{ line: 6, value: -1 }] });
  });
  it('negative increments of interval totals', async () => {
    const model = modelWith([{ id: 'M1', reading: { kind: 'interval', unit: 'kWh' } }]);
    const r = await ingestText(series([5, 5, -2, 5]), { model });
    expect(flag(r, 'M1', 'negative-increment')?.count).toBe(1);
  });
});
