/** Downloads made in the page: nothing leaves the machine (blob: URLs only). */

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The figure (an SVG document from src/sankey/figure.ts, the report's own figure function) as a file. */
export function svgText(svg: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`;
}

export function exportSvg(svg: string, filename: string): void {
  download(new Blob([svgText(svg)], { type: 'image/svg+xml' }), filename);
}

/** Renders the figure onto a canvas at 2× for a sharp PNG. */
export async function exportPng(svg: string, width: number, height: number, filename: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
    download(blob, filename);
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function exportText(text: string, type: string, filename: string): void {
  download(new Blob([text], { type }), filename);
}
