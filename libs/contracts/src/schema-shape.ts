/** How large and deep a contract may be: far beyond any event contract, small enough to walk safely. */
export const SCHEMA_LIMITS = { maxDepth: 64, maxNodes: 50_000 } as const;

const REFERENCES = ['$ref', '$dynamicRef', '$recursiveRef'];

/**
 * Why a schema cannot be a contract by its shape, if it cannot: too deep or too large (checked
 * before the schema is compiled, compared or walked, all of which recurse, without recursing
 * itself), or referring to other schemas. A contract is self-contained: a field behind a `$ref`
 * would escape the check that every field is classified, and so pseudonymisation, and a reference
 * cycle would make validation recurse for ever.
 */
export function schemaShapeProblem(schema: unknown): string | undefined {
  const pending: { node: unknown; depth: number }[] = [{ node: schema, depth: 0 }];
  let nodes = 0;
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (++nodes > SCHEMA_LIMITS.maxNodes) return `the schema has more than ${SCHEMA_LIMITS.maxNodes} objects and arrays; a contract describes one event`;
    if (depth > SCHEMA_LIMITS.maxDepth) return `the schema nests deeper than ${SCHEMA_LIMITS.maxDepth} levels`;
    const reference = Array.isArray(node) ? undefined : REFERENCES.find((keyword) => keyword in node);
    if (reference !== undefined) return `${reference} is not allowed: a contract is self-contained, so that every field it describes is classified`;
    for (const child of Object.values(node)) pending.push({ node: child, depth: depth + 1 });
  }
  return undefined;
}
