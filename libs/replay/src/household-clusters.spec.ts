import { HouseholdClusters } from './household-clusters.js';

const person = (n: number) => `p${n.toString(16).padStart(63, '0')}`;
const household = (n: number) => `6401041${String(n).padStart(5, '0')}`;

describe('clustering persons by the households they share', () => {
  it('puts a household and its members in one slice', () => {
    for (const slices of [2, 3, 5]) {
      const clusters = new HouseholdClusters(slices);
      clusters.join(household(1), [person(1), person(2), person(3)]);

      expect(new Set([clusters.sliceOfHousehold(household(1)), ...[1, 2, 3].map((n) => clusters.sliceOfPerson(person(n)))]).size).toBe(1);
    }
  });

  it('joins two households that share a member into one cluster', () => {
    const spread = [2, 3, 4, 5, 6, 7].map((slices) => {
      const clusters = new HouseholdClusters(slices);
      clusters.join(household(1), [person(1), person(2)]);
      clusters.join(household(2), [person(2), person(3)]);
      return new Set([clusters.sliceOfHousehold(household(1)), clusters.sliceOfHousehold(household(2)), clusters.sliceOfPerson(person(1)), clusters.sliceOfPerson(person(3))]).size;
    });

    expect(spread).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('gives every cluster the same slice whatever order its households came in', () => {
    // A hundred clusters of three households, each joined by a member they share.
    const households = Array.from({ length: 300 }, (_, n) => ({ number: household(n), members: [person(n), person(1000 + (n % 100))] }));
    const forwards = new HouseholdClusters(4);
    const backwards = new HouseholdClusters(4);
    households.forEach((h) => {
      forwards.join(h.number, h.members);
    });
    [...households].reverse().forEach((h) => {
      backwards.join(h.number, h.members);
    });

    expect(households.map((h) => backwards.sliceOfHousehold(h.number))).toEqual(households.map((h) => forwards.sliceOfHousehold(h.number)));
  });

  it('gives a person in no household a slice by their own pseudonym', () => {
    const [one, other] = [new HouseholdClusters(3), new HouseholdClusters(3)];
    one.join(household(1), [person(1)]);

    expect(Array.from({ length: 50 }, (_, n) => one.sliceOfPerson(person(100 + n)))).toEqual(Array.from({ length: 50 }, (_, n) => other.sliceOfPerson(person(100 + n))));
  });

  it('spreads separate households evenly over the slices', () => {
    const clusters = new HouseholdClusters(2);
    for (let n = 0; n < 2000; n++) clusters.join(household(n), [person(3 * n), person(3 * n + 1), person(3 * n + 2)]);
    const inFirst = Array.from({ length: 2000 }, (_, n) => clusters.sliceOfHousehold(household(n))).filter((slice) => slice === 0).length;

    expect(inFirst).toBeGreaterThan(900);
    expect(inFirst).toBeLessThan(1100);
  });
});
