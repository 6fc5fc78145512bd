/**
 * SVG → PNG in Node (resvg): the CJK font is found and proven by drawing 中; without one the
 * rasteriser says so (the report then warns instead of writing blank labels silently).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findCjkFont, makeRasterizer } from '../../src/cli/png.ts';

const WQY = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

describe('PNG figures and CJK fonts', () => {
  it('finds a CJK font: $PINGHENG_CJK_FONT first, else the usual places', () => {
    expect(findCjkFont({ PINGHENG_CJK_FONT: '/nonexistent/font.ttf' })).not.toBe('/nonexistent/font.ttf');
    if (existsSync(WQY)) {
      expect(findCjkFont({ PINGHENG_CJK_FONT: WQY })).toBe(WQY);
      expect(findCjkFont({})).toBeDefined();
    }
  });

  it.runIf(existsSync(WQY))('draws Chinese with the font, and knows when it cannot', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="30"><text x="2" y="24" font-size="22">水平衡</text></svg>';
    const withFont = await makeRasterizer('sans-serif', [WQY]);
    expect(withFont.cjk).toBe(true);
    const png = withFont.toPng(svg, 2);
    expect(png.subarray(1, 4)).toEqual(new Uint8Array([0x50, 0x4e, 0x47])); // "PNG"
    expect(new DataView(png.buffer, png.byteOffset).getUint32(16)).toBe(160); // width × 2
    const none = await makeRasterizer('sans-serif', []);
    expect(none.cjk).toBe(false);
    // Without glyphs the drawing is blank: its PNG compresses to far fewer bytes than the one with text.
    expect(none.toPng(svg, 2).length).toBeLessThan(png.length);
  });
});
