/** Diagram labels: number format and fitting a label into the room beside its node. */

/** Space between a node and its label, and after the label, px. */
export const LABEL_GAP = 14;
/** Approximate advance of a 12 px label: CJK and full-width characters are square, the rest about half. */
const textWidth = (s: string) => [...s].reduce((w, c) => w + (c.codePointAt(0)! >= 0x2e80 ? 12 : 6.8), 0);

/** `name + suffix`, with the name shortened by "…" so the whole fits `room` px. */
export function fitLabel(name: string, suffix: string, room: number): string {
  if (textWidth(name + suffix) <= room) return name + suffix;
  const chars = [...name];
  while (chars.length > 1 && textWidth(`${chars.join('')}…${suffix}`) > room) chars.pop();
  return `${chars.join('')}…${suffix}`;
}

/** Numbers for labels: 3 significant figures below 1 000, whole numbers above. */
export function fmt(v: number): string {
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  return Number(v.toPrecision(3)).toString();
}
