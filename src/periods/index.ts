/**
 * Multi-period models (docs/periods.md): monthly (or any) periods in one model, stocks carried
 * over, balances and indicators per period, calendar-year roll-ups with the campaign kept apart,
 * reconciliation per period and across periods, and any period or run of periods as a
 * single-period model (`periodModel`, what `compare` takes as base and report periods).
 */
export {
  periodModel,
  parsePeriodSelection,
  selectPeriods,
  calendarYear,
  type PeriodSelection,
  type PeriodModelOptions,
} from './period-model.ts';
export {
  periodBalances,
  periodIndicators,
  type PeriodsResult,
  type PeriodResult,
  type YearResult,
  type PeriodIndicators,
  type CompactBalance,
  type StockRow,
} from './balances.ts';
export { reconcilePerPeriod, reconcileAcrossPeriods, type PeriodReconciliation } from './reconcile.ts';
export { applyPeriodReadings, periodWindow, type PeriodReadingsOutcome } from './readings.ts';
export {
  periodTimeline,
  periodInstant,
  stockLevels,
  type PeriodSpan,
  type PeriodTimeline,
  type StockLevels,
} from '../model/periods.ts';
