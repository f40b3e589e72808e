/** The CloudEvents source of what a department published through the hub (its records, its responses). */
export const departmentSource = (member: string): string => `/departments/${member}`;

/** The department of a `departmentSource`. */
export const departmentOfSource = (source: string): string => source.slice(source.lastIndexOf('/') + 1);
