/**
 * Registers every domain's messages with the catalogue. Import `t` / `both` from here.
 * Each domain (model, balance, cli, metering, readings, reconcile, web) keeps its own file.
 */
import { register } from './catalog.ts';
import { modelMessages } from './model.ts';
import { reconcileMessages } from './reconcile.ts';
import { balanceMessages } from './balance.ts';
import { cliMessages } from './cli.ts';
import { webMessages } from './web.ts';
import { meteringMessages } from './metering.ts';
import { readingsMessages } from './readings.ts';
import { figureMessages } from './figure.ts';
import { reportMessages } from './report.ts';
import { periodsMessages } from './periods.ts';
import { parkMessages } from './park.ts';
import { adviceMessages } from './advice.ts';
import { nameMessages } from './names.ts';
import { sankeyMessages } from './sankey.ts';
import { vocsMessages } from './vocs.ts';
import { resultsCliMessages, resultsMessages } from './results.ts';

register(modelMessages);
register(reconcileMessages);
register(balanceMessages);
register(cliMessages);
register(webMessages);
register(meteringMessages);
register(readingsMessages);
register(figureMessages);
register(reportMessages);
register(periodsMessages);
register(parkMessages);
register(adviceMessages);
register(nameMessages);
register(sankeyMessages);
register(vocsMessages);
register(resultsMessages);
register(resultsCliMessages);

/**
 * Resolves when every domain's messages are registered. In Node they all are from the start; the
 * web page's bundle registers only the domains its first screen needs (vite.config.ts stubs the
 * others' imports above) and calls this before rendering the panels (docs/architecture.md, "Lazy
 * loading").
 *
 * @example
 * await loadAllMessages();
 * t('en', 'metering.main.enterprise') // => 'the enterprise'
 */
export async function loadAllMessages(): Promise<void> {
  await import('./all.ts');
}

export { t, both, hasMessage, missedLookups, type Lang, type Messages } from './catalog.ts';
export { displayName, flowLabel, labelled, layerName, layerTitle, carrierName, kindName, type Named } from './names.ts';
export {
  columnDecimals,
  formatExact,
  formatNumber,
  formatSignificant,
  REPORT_SIGNIFICANT,
  MAX_DECIMALS,
} from './number.ts';
