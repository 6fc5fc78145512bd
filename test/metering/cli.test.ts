import { describe, expect, it } from 'vitest';
import { runCli, tempFile } from '../core/cli-helpers.ts';
import { dyeingPlant } from './fixtures.ts';
import type { ModelInput } from '../../src/model/schema.ts';

/** The dyeing fixture with every flow metered (class 0.1, verified), minus `unmetered`. */
function input(unmetered: string[] = []): ModelInput {
  const m = dyeingPlant();
  m.meters = m.flows
    .filter((f) => !unmetered.includes(f.id))
    .map((f) => ({
      id: `M-${f.id}`,
      flows: [f.id],
      accuracyClass: '0.1',
      verifiedUntil: '2027-12-31',
      userClass: 'I' as const,
    }));
  return m;
}
const file = (m: ModelInput) => tempFile(JSON.stringify(m, null, 2));

describe('pingheng coverage', () => {
  it('--json: DESIGN.md rows; exit 0 when every row passes', async () => {
    const r = await runCli(['coverage', file(input()), '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    // 13 GB 17167 rows + 2 GB 24789 items + Annex 2: gas, liquid, other (no material of theirs) and one row
    // for fabric and the solid phase row holding the carrier-less M2 — each × 3 levels
    expect(doc.rows).toHaveLength((13 + 2 + 3 + 2) * 3);
    expect(
      doc.rows.find((x: { carrier: string; level: number }) => x.carrier === 'steam' && x.level === 2),
    ).toMatchObject({
      table: 'GB17167-2006',
      carrier: 'steam',
      level: 2,
      n: 1,
      N: 1,
      ratio: 100,
      required: 80,
      pass: true,
      missing: [],
    });
    expect(doc.editions).toEqual({ GB17167: '2006', GB24789: '2009', Yunnan: '2007' });
  });

  it('exit 1 on a shortfall; the human table names the unmetered flow, Chinese first, English with --lang en', async () => {
    const f = file(input(['C1']));
    const zh = await runCli(['coverage', f]);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toMatch(/GB17167-2006\s+煤炭\s+1\s+0\s+1\s+0\.00\s+100\s+不达标\s+C1/);
    const en = await runCli(['coverage', f, '--lang', 'en']);
    expect(en.stdout).toMatch(/GB17167-2006\s+coal\s+1\s+0\s+1\s+0\.00\s+100\s+FAIL\s+C1/);
  });
});

describe('pingheng depth', () => {
  it('--json: { depth, acceptance, reasons, next }', async () => {
    const r = await runCli(['depth', file(input()), '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.depth).toBe('full');
    expect(doc.acceptance).toEqual({ A: true, B: true, C: true });
    expect(Array.isArray(doc.reasons) && Array.isArray(doc.next)).toBe(true);
  });

  it('--acceptance: exit 1 when the depth is below what the type asks, 0 when met', async () => {
    // C1 unmetered: levels 1 and 2 incomplete → estimated
    const f = file(input(['C1']));
    expect((await runCli(['depth', f, '--acceptance', 'B'])).code).toBe(1);
    expect((await runCli(['depth', f])).code).toBe(0);
    const g = file(input());
    expect((await runCli(['depth', g, '--acceptance', 'A'])).code).toBe(0);
    const en = await runCli(['depth', f, '--acceptance', 'C', '--lang', 'en']);
    expect(en.stdout).toContain('Depth of the balance work: estimated');
    expect(en.stdout).toContain('depth estimated does not meet acceptance type C');
    expect(en.stdout).toContain('1. add a meter on C1 (level 1/2/3, coal, class 0.5 or better)');
  });

  it('--ingest: the readings window decides the duration', async () => {
    const ingest = tempFile(
      JSON.stringify({ window: { start: 'x', end: 'y', hours: 72, longestContinuousHours: 60 } }),
    );
    const r = await runCli(['depth', file(input()), '--ingest', ingest, '--json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.campaign).toMatchObject({ hours: 60, hoursSource: 'readings' });
    expect(doc.depth).toBe('estimated');
    const bad = await runCli(['depth', file(input()), '--ingest', tempFile('{"window":{}}')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('window.longestContinuousHours');
  });

  it('--acceptance X is unusable input (exit 2)', async () => {
    const r = await runCli(['depth', file(input()), '--acceptance', 'D']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--acceptance 应为 A、B 或 C');
  });
});

describe('malformed meter data: located error, exit 2, through both commands', () => {
  const cases: [string, (m: ModelInput) => void, RegExp][] = [
    [
      'meter on an unknown flow',
      (m) => (m.meters![0]!.flows = ['F99']),
      /:\d+: meters\[0\]\.flows\[0\]: 计量器具指向未知的流 "F99"/,
    ],
    [
      'unknown accuracy class',
      (m) => (m.meters![1]!.accuracyClass = 'A+'),
      /:\d+: meters\[1\]\.accuracyClass: 无法识别的准确度等级 "A\+"/,
    ],
    [
      'date in the wrong format',
      (m) => (m.meters![2]!.verifiedUntil = '2027/12/31'),
      /:\d+: meters\[2\]\.verifiedUntil: date must be YYYY-MM-DD/,
    ],
    [
      'a date that does not exist',
      (m) => (m.meters![2]!.verifiedUntil = '2027-02-30'),
      /:\d+: meters\[2\]\.verifiedUntil: 日期 "2027-02-30" 不存在/,
    ],
    [
      'a campaign ending before it starts',
      (m) => (m.campaign = { ...m.campaign!, end: '2026-02-28T00:00:00+08:00' }),
      /:\d+: campaign\.end: 测试结束时间 2026-02-28T00:00:00\+08:00 早于开始时间 2026-03-01T00:00:00\+08:00/,
    ],
    [
      'verification valid until before it was verified',
      (m) => {
        m.meters![0]!.verifiedOn = '2026-01-01';
        m.meters![0]!.verifiedUntil = '2025-12-31';
      },
      /meters\[0\]\.verifiedUntil: 检定有效期 2025-12-31 早于检定日期 2026-01-01/,
    ],
    [
      'an edition pingheng does not have',
      (m) => (m.settings = { editions: { GB17167: '2025' } }),
      /settings\.editions\.GB17167: GB 17167-2025 已发布，但 pingheng 尚无其表格数据（已有：2006）/,
    ],
  ];
  for (const [name, change, message] of cases) {
    for (const cmd of ['coverage', 'depth']) {
      it(`${cmd}: ${name}`, async () => {
        const m = input();
        change(m);
        const f = file(m);
        const r = await runCli([cmd, f]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(f);
        expect(r.stderr).toMatch(message);
        expect(r.stdout).toBe('');
      });
    }
  }
  it('--json prints the issues as a JSON document', async () => {
    const m = input();
    m.meters![0]!.flows = ['F99'];
    const r = await runCli(['coverage', file(m), '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).issues[0]).toMatchObject({ path: 'meters[0].flows[0]', code: 'meter.unknownFlow' });
  });
});
