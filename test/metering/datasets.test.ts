import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import '../../src/i18n/index.ts';
import { applyNextSteps } from '../../src/metering/apply.ts';
import { depthVerdict } from '../../src/metering/depth.ts';
import { parseModel } from '../../src/model/load.ts';

/** The example plants' grades, read literally (datasets/README.md, "Metering"). */
const load = (name: string) => parseModel(readFileSync(`datasets/${name}.json`, 'utf8'), `${name}.json`).model;

describe('example plants: metering grades', () => {
  it('dyeing: simple — the audit focus is complete at levels 1–3, but the stenter (a main device) has an out-of-date meter, ME41, so the enterprise’s main equipment does not meet the national rules', () => {
    const r = depthVerdict(load('dyeing'));
    expect(r.depth).toBe('simple');
    expect(r.grades).toEqual({ simple: 'met', key: 'not-met', full: 'not-met' });
    expect(r.acceptance).toEqual({ A: false, B: true, C: true });
    expect(r.reasons.find((x) => !x.ok)!.zh).toBe(
      '全企业三级（进出主要设备）计量不完善：GB17167-2006 电力 3/4 = 75% < 95%',
    );
    // every main device carries its rated power: no average-power fallback
    expect(r.warnings).toEqual([]);
    expect(r.next).toEqual([
      expect.objectContaining({ kind: 'meter', flow: 'E41', replaces: ['ME41'], requiredClass: '2.0' }),
    ]);
    expect(r.nextReaches).toBe(true);
  });

  it('plating: simple (enterprise-run campaign; the nickel drag-out is estimated, not measured)', () => {
    const r = depthVerdict(load('plating'));
    expect(r.depth).toBe('simple');
    expect(r.acceptance).toEqual({ A: false, B: true, C: true });
    expect(r.next.map((n) => n.flow ?? n.change)).toEqual(['performedBy', 'ND1']);
    expect(r.nextReaches).toBe(true);
  });

  it('boiler: estimated (flue gas, oxidation air and discharges not metered), and its next list reaches simple', () => {
    const m = load('boiler');
    const r = depthVerdict(m);
    expect(r.depth).toBe('estimated');
    expect(r.warnings).toEqual([]);
    expect(r.next.map((n) => n.flow)).toEqual(['AIR-OX', 'FG1', 'W04', 'BD1', 'BD2', 'G11', 'G12']);
    expect(depthVerdict(applyNextSteps(m, r.next)).depth).not.toBe('estimated');
  });
});
