import { contractBinding } from './contract-binding.js';

const binding = { owner: 'education', type: 'education.student-aid.granted', version: 2, topic: 'education.student-aid.granted.v2', partitionKey: 'grantNumber' };

describe('contractBinding', () => {
  it("reads a contract's binding", () => {
    expect(contractBinding({ 'x-hub-contract': binding })).toEqual(binding);
  });

  it('is undefined for a schema with no binding', () => {
    expect(contractBinding({ type: 'object' })).toBeUndefined();
  });

  it('is undefined for a binding of the wrong shape: a version that is not a whole number', () => {
    expect(contractBinding({ 'x-hub-contract': { ...binding, version: '2' } })).toBeUndefined();
  });
});
