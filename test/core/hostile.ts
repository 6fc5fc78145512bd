/** Models for the hostile-input tests (issue #18). */

// biome-ignore lint/suspicious/noExplicitAny: each test breaks the model in its own way
export type AnyModel = any;

/** A valid small water plant (the same as malformed.test.ts). */
export function plant(): AnyModel {
  return {
    name: '测试厂',
    nodes: [
      { id: 'plant', name: '全厂', level: 1 },
      { id: 'dye', name: '染色车间', level: 2, parent: 'plant' },
      { id: 'jet1', name: '1#染色机', level: 3, parent: 'dye' },
    ],
    flows: [
      { id: 'F1', from: null, to: 'dye', layer: 'water', value: 1200, unit: 't', meter: 'M1' },
      { id: 'F2', from: 'dye', to: 'jet1', layer: 'water', value: 1190, unit: 't' },
      { id: 'F3', from: 'jet1', to: null, layer: 'water', value: 1180, unit: 't' },
      { id: 'F4', from: 'dye', to: null, layer: 'water', unit: 't', source: 'unmeasured' },
    ],
    meters: [{ id: 'M1', flows: ['F1'], accuracyClass: '2.5', verifiedUntil: '2027-06-30' }],
    campaign: {
      start: '2026-03-01T00:00:00+08:00',
      end: '2026-03-04T08:00:00+08:00',
      normalProduction: true,
      performedBy: 'qualified-team',
    },
  };
}

/** Text → GB18030 bytes, built from the runtime's GB18030 decoder (Node has no GB18030 encoder). */
export function encodeGb18030(t: string): Uint8Array {
  const dec = new TextDecoder('gb18030');
  const table = encodeGb18030.table ?? new Map<string, number[]>();
  if (!encodeGb18030.table) {
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [a, b]);
      }
    encodeGb18030.table = table;
  }
  const out: number[] = [];
  for (const ch of t) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GB18030 two-byte code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
encodeGb18030.table = undefined as Map<string, number[]> | undefined;
