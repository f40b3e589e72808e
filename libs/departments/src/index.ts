export { DEPARTMENT_IDS, DEPARTMENTS, isDepartmentId, type Department, type DepartmentId } from './departments.js';
