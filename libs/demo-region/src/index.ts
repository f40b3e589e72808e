export { AID_TYPES, generateRegion, REGION_DAY, type DepartmentRecord, type ExpectedFinding, type GeneratedHousehold, type RegionOptions } from './region-generator.js';
