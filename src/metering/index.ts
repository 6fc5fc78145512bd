/**
 * Metering: required points N, coverage R = n/N (GB 17167-2006 Table 3, GB 24789-2009 Table 1,
 * Yunnan 2007 Annex 2), meter class and verification, campaign validity, the Yunnan depth verdict
 * with acceptance A/B/C and the next grade's list. See docs/metering.md.
 */
export { registry as meteringRuleSets, resolveRuleSets, DEFAULT_EDITIONS, type RuleSets } from './rulesets.ts';
export {
  derivePoints,
  decideMain,
  type MeteringPoint,
  type ExemptionRecord,
  type DerivedPoints,
} from './points.ts';
export {
  decideMainPerCarrier,
  groupOfFlow,
  renderMainWarning,
  type MainDecision,
  type MainAnalysis,
  type GroupDecision,
  type MainEvidence,
  type MainWarning,
  type MainGroup,
} from './main.ts';
export { checkMeter, requiredClass, classMeets, userClassOf, type MeterCheck, type MeterFinding } from './meters.ts';
export {
  analyseMetering,
  coverageRows,
  type CoverageRow,
  type CoverageOptions,
  type MeteringAnalysis,
} from './coverage.ts';
export { checkCampaign, type CampaignCheck, type ReadingsEvidence } from './campaign.ts';
export {
  depthVerdict,
  type DepthResult,
  type DepthOptions,
  type DepthVerdict,
  type NextItem,
  type Reason,
  type ScopeCheck,
  type Status,
} from './depth.ts';
export { estimatedShare, type EstimatedShare } from './estimated-share.ts';
export { editionNotices, type EditionNotice } from './editions.ts';
export { applyNextSteps } from './apply.ts';
export { validateMetering } from './validate.ts';
