/**
 * Registers every domain's messages (register skips those already registered). Imported by
 * loadAllMessages (index.ts), for the web page and its worker, whose bundles leave out the domains
 * their first screen does not use (vite.config.ts: each leaves out its own set; this registers the union).
 */
import { adviceMessages } from './advice.ts';
import { register } from './catalog.ts';
import { cliMessages } from './cli.ts';
import { figureMessages } from './figure.ts';
import { meteringMessages } from './metering.ts';
import { parkMessages } from './park.ts';
import { periodsMessages } from './periods.ts';
import { readingsMessages } from './readings.ts';
import { reconcileMessages } from './reconcile.ts';
import { reportMessages } from './report.ts';
import { resultsCliMessages, resultsMessages } from './results.ts';
import { vocsMessages } from './vocs.ts';
import { webMessages } from './web.ts';

for (const messages of [
  reconcileMessages,
  meteringMessages,
  readingsMessages,
  reportMessages,
  periodsMessages,
  parkMessages,
  adviceMessages,
  vocsMessages,
  resultsMessages,
  resultsCliMessages,
  cliMessages,
  figureMessages,
  webMessages,
])
  register(messages);
