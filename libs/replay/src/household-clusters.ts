/** Bits in the filter of persons who are in a household: about one in fifty others then look the person up by name. */
const MEMBER_FILTER_BITS = 1 << 26;

/**
 * Persons and households joined by membership, so that a replay can be cut into slices that each
 * hold whole clusters: judging a person reads their own facts, their households' and their
 * housemates', and nothing of another cluster. A person in no household is a cluster alone, in the
 * slice their pseudonym's hash gives. Most persons are in no household, so a record key is first
 * checked, as bytes, against a bit filter of the members: only keys that pass are decoded and looked
 * up by name. Households are all joined before any slice is asked for.
 */
export class HouseholdClusters {
  private readonly households = new Map<string, number>();
  private readonly persons = new Map<string, number>();
  private readonly parent: number[] = [];
  /** By root: the cluster's smallest household number, which names it whatever order the households came in. */
  private readonly label: string[] = [];
  private readonly members = new Uint32Array(MEMBER_FILTER_BITS / 32);
  /** Each node's slice, worked out once every household is joined. */
  private slices: Uint16Array | undefined;

  constructor(private readonly count: number) {}

  join(household: string, members: readonly string[]): void {
    this.slices = undefined;
    let root = this.find(this.households.get(household) ?? this.node(this.households, household, household));
    for (const person of members) {
      let node = this.persons.get(person);
      if (node === undefined) {
        node = this.node(this.persons, person, '');
        this.remember(hashText(person));
      }
      root = this.union(root, this.find(node));
    }
  }

  /** The slice (0 to count - 1) that holds the household's cluster. */
  sliceOfHousehold(household: string): number {
    return this.sliceOf(this.households.get(household), hashText(household));
  }

  /** The slice that holds the person's cluster. */
  sliceOfPerson(person: string): number {
    return this.sliceOf(this.persons.get(person), hashText(person));
  }

  /** The slice of the person whose pseudonym is the key's bytes (`bytes` from `start` up to `end`; null: no key). */
  sliceOfPersonKey(bytes: Buffer | null, start: number, end: number): number {
    if (bytes === null) return hashText('') % this.count;
    const hash = hashBytes(bytes, start, end);
    if (!this.mayBeMember(hash)) return hash % this.count;
    return this.sliceOf(this.persons.get(bytes.toString('utf8', start, end)), hash);
  }

  private sliceOf(node: number | undefined, alone: number): number {
    if (node === undefined) return alone % this.count;
    this.slices ??= this.sliceEveryNode();
    return this.slices[node];
  }

  private sliceEveryNode(): Uint16Array {
    const slices = new Uint16Array(this.parent.length);
    for (let node = 0; node < slices.length; node++) slices[node] = hashText(this.label[this.find(node)]) % this.count;
    return slices;
  }

  private remember(hash: number): void {
    const bit = hash & (MEMBER_FILTER_BITS - 1);
    this.members[bit >>> 5] |= 1 << (bit & 31);
  }

  private mayBeMember(hash: number): boolean {
    const bit = hash & (MEMBER_FILTER_BITS - 1);
    return (this.members[bit >>> 5] & (1 << (bit & 31))) !== 0;
  }

  /** A new node; a person's has no label of its own, and is joined to a household's as soon as it is made. */
  private node(nodes: Map<string, number>, name: string, label: string): number {
    const node = this.parent.length;
    this.parent.push(node);
    this.label.push(label);
    nodes.set(name, node);
    return node;
  }

  private union(a: number, b: number): number {
    if (a === b) return a;
    const root = a < b ? a : b;
    this.parent[root === a ? b : a] = root;
    const first = this.label[a];
    const second = this.label[b];
    this.label[root] = first === '' ? second : second === '' || first < second ? first : second;
    return root;
  }

  private find(node: number): number {
    let at = node;
    while (this.parent[at] !== at) {
      const up = this.parent[at];
      this.parent[at] = this.parent[up]!;
      at = up;
    }
    return at;
  }
}

/** FNV-1a over the text's UTF-8 bytes: a name hashes the same as text and as the bytes of a record key. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) {
      const bytes = Buffer.from(text, 'utf8');
      return hashBytes(bytes, 0, bytes.length);
    }
    hash = Math.imul(hash ^ code, 0x01000193);
  }
  return hash >>> 0;
}

function hashBytes(bytes: Buffer, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  return hash >>> 0;
}
