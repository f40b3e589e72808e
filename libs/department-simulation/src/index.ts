export { csvExport } from './csv-export.js';
export { DepartmentSimulator, readDepartmentShare, type DepartmentSimulatorOptions } from './department-simulator.js';
export { actionFor, needsReveal, type FindingAction, type StudentIndex } from './finding-actions.js';
