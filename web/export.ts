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

export function svgText(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

export function exportSvg(svg: SVGSVGElement, filename: string): void {
  download(new Blob([svgText(svg)], { type: 'image/svg+xml' }), filename);
}

/** Renders the SVG onto a canvas at 2× for a sharp PNG. */
export async function exportPng(svg: SVGSVGElement, filename: string): Promise<void> {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
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
