import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * SVG → PNG in Node with @resvg/resvg-js (a prebuilt binary inside the npm package; no download
 * step, no browser). resvg draws only glyphs it has a font for: without a CJK font Chinese text
 * comes out blank. So we look for one, tell resvg about it, and prove it by drawing 中 once —
 * when that fails, `warning` says so and how to fix it, instead of writing blank labels silently.
 */
export interface Rasterizer {
  /** PNG bytes of `svg` drawn at `scale` × its size. */
  toPng(svg: string, scale?: number): Uint8Array;
  /** Font files handed to resvg (empty: resvg scanned the system's font directories). */
  fonts: string[];
  /** True when a probe with a CJK character drew it. */
  cjk: boolean;
}

/** Where Linux, macOS and Windows keep CJK fonts; the first that exists is used. */
const CJK_CANDIDATES = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/source-han-sans/SourceHanSansSC-Regular.otf',
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
  '/System/Library/Fonts/PingFang.ttc',
  '/System/Library/Fonts/STHeiti Light.ttc',
  'C:\\Windows\\Fonts\\msyh.ttc',
  'C:\\Windows\\Fonts\\simhei.ttf',
  'C:\\Windows\\Fonts\\simsun.ttc',
];
/** File names that are CJK fonts, for a scan of the font directories when no candidate exists. */
const CJK_NAME =
  /wqy|notosanscjk|notoserifcjk|notosanssc|sourcehansans|sourcehanserif|droidsansfallback|pingfang|heiti|msyh|simhei|simsun|fangsong|kaiti/i;
const LATIN_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/System/Library/Fonts/Helvetica.ttc',
  'C:\\Windows\\Fonts\\arial.ttf',
];
const FONT_DIRS = [
  '/usr/share/fonts',
  '/usr/local/share/fonts',
  '/System/Library/Fonts',
  '/Library/Fonts',
  'C:\\Windows\\Fonts',
];

/** A CJK font file: $PINGHENG_CJK_FONT, a known path, or the first CJK-named file under the font directories. */
export function findCjkFont(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const own = env.PINGHENG_CJK_FONT;
  if (own && existsSync(own)) return own;
  const known = CJK_CANDIDATES.find((p) => existsSync(p));
  if (known) return known;
  for (const dir of FONT_DIRS) {
    const found = scan(dir, 4);
    if (found) return found;
  }
  return undefined;
}

function scan(dir: string, depth: number): string | undefined {
  if (depth < 0 || !existsSync(dir)) return undefined;
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
  for (const e of entries)
    if (e.isFile() && CJK_NAME.test(e.name) && /\.(ttf|ttc|otf|otc)$/i.test(e.name)) return join(dir, e.name);
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    const found = scan(join(dir, e.name), depth - 1);
    if (found) return found;
  }
  return undefined;
}

const PROBE = (family: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="#fff"/><text x="4" y="24" font-size="22" font-family="${family}">中</text></svg>`;

/**
 * Loads resvg (only on the report path) and sets it up with the fonts found — or with exactly
 * `fontFiles` when given (an empty list: no fonts at all, as on a machine without any).
 */
export async function makeRasterizer(fontFamily = 'sans-serif', fontFiles?: string[]): Promise<Rasterizer> {
  const { Resvg } = await import('@resvg/resvg-js');
  let fonts: string[];
  if (fontFiles) fonts = fontFiles;
  else {
    const cjkFont = findCjkFont();
    const latin = LATIN_CANDIDATES.find((p) => existsSync(p));
    fonts = cjkFont ? [cjkFont, ...(latin ? [latin] : [])] : [];
  }
  // Named files load in ~10 ms a drawing; scanning the system's fonts costs ~50 ms each time.
  const font = fonts.length > 0 || fontFiles ? { loadSystemFonts: false, fontFiles: fonts } : { loadSystemFonts: true };
  const draw = (svg: string, scale: number) =>
    new Resvg(svg, { font, fitTo: { mode: 'zoom', value: scale }, background: '#ffffff' }).render();
  const probe = draw(PROBE(fontFamily.replace(/"/g, "'")), 1).pixels;
  let dark = 0;
  for (let i = 0; i < probe.length; i += 4) if (probe[i]! < 128) dark++;
  return {
    toPng: (svg, scale = 2) => new Uint8Array(draw(svg, scale).asPng()),
    fonts,
    cjk: dark > 0,
  };
}
