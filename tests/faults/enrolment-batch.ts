import { contractExample } from '../support/contract-examples.js';
import { freshIdentityNumber } from '../support/identity-numbers.js';
import type { PublishedRecord } from './retrying-publisher.js';

export const ENROLMENT = 'education.student-enrolment.changed.v1';

/** A batch of enrolments of fresh pupils, each id naming the run (prefix), the client and the batch. */
export function enrolmentBatch(prefix: string, client: number, n: number, size: number): PublishedRecord[] {
  return Array.from({ length: size }, (_, i) => {
    const idNumber = freshIdentityNumber();
    return { id: `${prefix}-${client}-${n}-${i}`, type: ENROLMENT, data: { ...contractExample(ENROLMENT), idNumber, studentNumber: `G${idNumber}` } };
  });
}
