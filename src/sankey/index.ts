/** The Sankey diagram's public entry (re-exported whole by src/index.ts): layout, views, palette, labels, figure. */
export * from './layout.ts';
export * from './view.ts';
export * from './palette.ts';
export * from './group.ts';
export * from './labels.ts';
export * from './fit.ts';
export * from './colour-vision.ts';
export * from './marks.ts';
export { sankeyFigure, FIGURE_FONT_FAMILY, type SankeyFigure, type SankeyFigureOptions } from './figure.ts';
