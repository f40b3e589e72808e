import { departmentOfSource, departmentSource } from './department-source.js';

describe("a department's CloudEvents source", () => {
  it('names the member under /departments', () => {
    expect(departmentSource('civil-affairs')).toBe('/departments/civil-affairs');
  });

  it('gives back the member it was made of', () => {
    expect(departmentOfSource(departmentSource('healthcare-security'))).toBe('healthcare-security');
  });
});
