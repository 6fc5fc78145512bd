import type { Messages } from './catalog.ts';

/** Names of the Sankey diagram's nodes (src/sankey/labels.ts), for the page, its exports and the report. */
export const sankeyMessages: Messages = {
  'sankey.node.source': { zh: '输入：{name}', en: 'In: {name}' },
  'sankey.node.sink': { zh: '输出：{name}', en: 'Out: {name}' },
  'sankey.node.ownRegion': { zh: '{name}（本级）', en: '{name} (own)' },
  'sankey.node.stock-in': { zh: '库存增加', en: 'Stock increase' },
  'sankey.node.stock-out': { zh: '库存减少', en: 'Stock draw-down' },
  'sankey.node.unaccounted-out': { zh: '去向不明（输入 > 输出）', en: 'Unaccounted (in > out)' },
  'sankey.node.unaccounted-in': { zh: '来源不明（输出 > 输入）', en: 'Unaccounted (out > in)' },
  'sankey.node.other': { zh: '其他（{n} 个）', en: 'other ({n})' },
  'sankey.node.otherOf': { zh: '{parent} · 其他（{n} 个）', en: '{parent} · other ({n})' },
};
