/**
 * Panels for the optional analyses computed in the worker (extras.ts): metering coverage and
 * depth, reconciliation, readings quality. Each is added here when its core API exists.
 */
import type { Panel } from './core.ts';

export const EXTRA_PANELS: Panel[] = [];
