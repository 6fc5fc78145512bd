/**
 * Parks and enterprise clusters (园区、企业集群整体审核; docs/park.md): member models and the flows
 * between them, each member on its own and the park as a whole, per year.
 */
export * from './schema.ts';
export { parsePark, validatePark, validateLinkEnds, locateIssues } from './load.ts';
export { parkModel, annualFactorOf, linkLayers, PARK_NODE, type MemberState } from './merge.ts';
export {
  checkPark,
  memberStates,
  type ParkMemberInput,
  type ParkResult,
  type MemberSummary,
  type LinkRow,
  type ParkOptions,
} from './check.ts';
