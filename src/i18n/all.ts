/**
 * Registers every domain's messages (register skips those already registered). Imported by
 * loadAllMessages (index.ts), for the web page, whose bundle leaves out the domains its first
 * screen does not use.
 */
import { adviceMessages } from './advice.ts';
import { register } from './catalog.ts';
import { meteringMessages } from './metering.ts';
import { parkMessages } from './park.ts';
import { periodsMessages } from './periods.ts';
import { readingsMessages } from './readings.ts';
import { reconcileMessages } from './reconcile.ts';
import { reportMessages } from './report.ts';
import { resultsCliMessages, resultsMessages } from './results.ts';
import { vocsMessages } from './vocs.ts';

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
])
  register(messages);
