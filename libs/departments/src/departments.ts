/**
 * The departments of the region that are members of the hub: the one list every part reads (the
 * local hub's members, the demo, the simulators, the benchmarks, where findings are routed). Each
 * id is also the `owner` of that department's contracts and the prefix of its topics. A new
 * department starts here; `tests/contracts/departments.spec.ts` fails while the contracts disagree.
 * In the order the demo publishes: households' statuses before the records about their members.
 */
export const DEPARTMENTS = [
  { id: 'civil-affairs', name: '民政厅', english: 'Civil Affairs' },
  { id: 'rural-revitalisation', name: '乡村振兴局', english: 'Rural Revitalisation' },
  { id: 'education', name: '教育厅', english: 'Education' },
  { id: 'disability', name: '残联', english: "Disabled Persons' Federation" },
  { id: 'healthcare-security', name: '医保局', english: 'Healthcare Security' },
] as const;

export type Department = (typeof DEPARTMENTS)[number];
export type DepartmentId = Department['id'];

/** The departments' ids, in the registry's order. */
export const DEPARTMENT_IDS: readonly DepartmentId[] = DEPARTMENTS.map((d) => d.id);

export const isDepartmentId = (id: string): id is DepartmentId => (DEPARTMENT_IDS as readonly string[]).includes(id);
