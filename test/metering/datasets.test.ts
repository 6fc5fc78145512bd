import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import '../../src/i18n/index.ts';
import { applyNextSteps } from '../../src/metering/apply.ts';
import { depthVerdict } from '../../src/metering/depth.ts';
import { parseModel } from '../../src/model/load.ts';

/** The example plants land on three different grades (datasets/README.md, "Metering"). */
const load = (name: string) => parseModel(readFileSync(`datasets/${name}.json`, 'utf8'), `${name}.json`).model;

describe('example plants: metering grades', () => {
  it('dyeing: simple — the audit focus is complete at levels 1–3, but the stenter (a main device) has an out-of-date meter, ME41, so the enterprise’s main equipment does not meet the national rules', () => {
    const r = depthVerdict(load('dyeing'));
    expect(r.depth).toBe('simple');
    expect(r.acceptance).toEqual({ A: false, B: true, C: true });
    expect(r.reasons.find((x) => !x.ok)!.zh).toBe(
      '全企业三级（进出主要设备）计量不完善：GB17167-2006 电力 3/4 = 75% < 95%',
    );
    expect(r.next).toEqual([
      expect.objectContaining({ kind: 'meter', flow: 'E41', replaces: ['ME41'], requiredClass: '2.0' }),
    ]);
  });

  it('plating: simple (enterprise-run campaign); the baths’ make-up water (< 1 m³/h) is not a main water use', () => {
    const r = depthVerdict(load('plating'));
    expect(r.depth).toBe('simple');
    expect(r.acceptance).toEqual({ A: false, B: true, C: true });
    expect(r.next.map((n) => n.flow ?? n.change)).toEqual(['performedBy']);
  });

  it('boiler: estimated (flue gas and discharges not metered), and its next list reaches simple', () => {
    const m = load('boiler');
    const r = depthVerdict(m);
    expect(r.depth).toBe('estimated');
    expect(r.next.map((n) => n.flow)).toEqual(['FG1', 'W04', 'BD1', 'BD2', 'G11', 'G12']);
    expect(depthVerdict(applyNextSteps(m, r.next)).depth).not.toBe('estimated');
  });
});
