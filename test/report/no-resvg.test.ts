/**
 * A machine where resvg's prebuilt binary cannot load: the report is still written (SVG figures, the
 * page, the workbook, the Word file without its images) and says why, instead of failing as if the
 * output directory could not be written.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../core/cli-helpers.ts';
import { smallPlant } from './fixture.ts';

vi.mock('@resvg/resvg-js', () => {
  throw new Error('no prebuilt binary for this platform');
});

describe('report without the PNG renderer', () => {
  it('writes everything but the PNGs and warns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pingheng-no-resvg-'));
    const model = join(dir, 'small.json');
    writeFileSync(model, JSON.stringify(smallPlant));
    const out = join(dir, 'out');
    const r = await runCli(['report', model, '--out', out, '--json']);
    expect(r.code).toBe(1);
    const summary = JSON.parse(r.stdout);
    expect(summary.warnings).toHaveLength(1);
    expect(summary.warnings[0]).toMatch(/^警告：无法加载 PNG 绘图库 @resvg\/resvg-js（.*），未生成 PNG 图片/s);
    for (const f of ['report.html', 'report.xlsx', 'report.docx', 'figures/fig-4-1-water-plant.svg'])
      expect(existsSync(join(out, f)), f).toBe(true);
    expect(existsSync(join(out, 'figures/fig-4-1-water-plant.png'))).toBe(false);
  });
});
