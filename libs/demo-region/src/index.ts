export {
  AID_TYPES,
  generateRegion,
  PREMIUM_SUBSIDY,
  REGION_DAY,
  SOUTHERN_COUNTIES,
  type DepartmentRecord,
  type ExpectedFinding,
  type GeneratedHousehold,
  type RegionOptions,
} from './region-generator.js';
export { addCounts, emptyCounts, prevalenceRows, REAL_FINDING_RATES, REGION_TARGETS, type RegionCounts } from './region-profile.js';
export { DEMO_REGION } from './demo-region.js';
