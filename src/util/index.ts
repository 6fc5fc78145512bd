/** Small numeric helpers of the public API (re-exported whole by src/index.ts). */
export { percent, percentText } from './percent.ts';
export { roundTo } from './round.ts';
