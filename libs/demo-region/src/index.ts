export { AID_TYPES, generateRegion, PREMIUM_SUBSIDY, REGION_DAY, type DepartmentRecord, type ExpectedFinding, type GeneratedHousehold, type RegionOptions } from './region-generator.js';
