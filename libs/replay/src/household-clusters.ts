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
    let root = this.find(this.node(this.households, household, household));
    for (const person of members) {
      const known = this.persons.has(person);
      root = this.union(root, this.find(this.node(this.persons, person, undefined)));
      if (!known) this.remember(hashText(person));
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
    return this.slices[node]!;
  }

  private sliceEveryNode(): Uint16Array {
    const slices = new Uint16Array(this.parent.length);
    for (let node = 0; node < slices.length; node++) slices[node] = hashText(this.label[this.find(node)]!) % this.count;
    return slices;
  }

  private remember(hash: number): void {
    const bit = hash & (MEMBER_FILTER_BITS - 1);
    this.members[bit >>> 5]! |= 1 << (bit & 31);
  }

  private mayBeMember(hash: number): boolean {
    const bit = hash & (MEMBER_FILTER_BITS - 1);
    return (this.members[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  private node(nodes: Map<string, number>, name: string, label: string | undefined): number {
    const known = nodes.get(name);
    if (known !== undefined) return known;
    const node = this.parent.length;
    this.parent.push(node);
    // A person's node is joined to a household's as soon as it is made, and takes its label then.
    this.label.push(label ?? '');
    nodes.set(name, node);
    return node;
  }

  private union(a: number, b: number): number {
    if (a === b) return a;
    const [root, child] = a < b ? [a, b] : [b, a];
    this.parent[child] = root;
    const [first, second] = [this.label[a]!, this.label[b]!];
    this.label[root] = first === '' ? second : second === '' || first < second ? first : second;
    return root;
  }

  private find(node: number): number {
    let at = node;
    while (this.parent[at] !== at) {
      const up = this.parent[at]!;
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
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash >>> 0;
}
