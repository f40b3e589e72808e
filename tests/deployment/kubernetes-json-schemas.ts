/**
 * Turns the Kubernetes API's OpenAPI document and CustomResourceDefinitions into the JSON schemas
 * kubeconform reads, one file per kind, named as its `{{ .ResourceKind }}{{ .KindSuffix }}.json`
 * template names them. Strict, as kubeconform's own `-strict` schemas are: an object that lists its
 * properties allows no other (a misspelt field fails), unless it keeps unknown fields.
 */

type Schema = Record<string, unknown>;

/** kubeconform's file name for a kind of an API version (`apps/v1` Deployment: `deployment-apps-v1.json`). */
export function schemaFileName(kind: string, apiVersion: string): string {
  const [groupOrVersion, version] = apiVersion.split('/') as [string, string | undefined];
  const suffix = `-${groupOrVersion.split('.')[0].toLowerCase()}${version ? `-${version.toLowerCase()}` : ''}`;
  return `${kind.toLowerCase()}${suffix}.json`;
}

const INT_OR_STRING = { oneOf: [{ type: 'string' }, { type: 'integer' }] };
const QUANTITY = { oneOf: [{ type: 'string' }, { type: 'number' }] };

/** A schema made strict and plain JSON Schema: Kubernetes' OpenAPI extensions expressed, `additionalProperties: false` where properties are listed. */
function strict(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strict);
  if (typeof schema !== 'object' || schema === null) return schema;
  const source = schema as Schema;
  if (source['x-kubernetes-int-or-string'] === true) return INT_OR_STRING;
  const result: Schema = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'properties' || key === 'definitions') {
      result[key] = Object.fromEntries(Object.entries(value as Schema).map(([name, property]) => [name, strict(property)]));
    } else if (key === 'nullable' || key === 'description' || key.startsWith('x-kubernetes-')) {
      continue;
    } else {
      result[key] = strict(value);
    }
  }
  if (source['nullable'] === true && typeof result['type'] === 'string') result['type'] = [result['type'], 'null'];
  const keepsUnknown = source['x-kubernetes-preserve-unknown-fields'] === true;
  if (result['properties'] !== undefined && result['additionalProperties'] === undefined && !keepsUnknown) result['additionalProperties'] = false;
  return result;
}

/** The definitions a definition reaches through `$ref`, itself included. */
function reachable(definitions: Record<string, Schema>, start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || definitions[name] === undefined) return;
    seen.add(name);
    JSON.stringify(definitions[name]).replace(/"\$ref":"#\/definitions\/([^"]+)"/g, (_, ref: string) => {
      visit(ref);
      return '';
    });
  };
  visit(start);
  return seen;
}

/** Every kind of the Kubernetes API's OpenAPI (v2, `api/openapi-spec/swagger.json`), each a standalone schema. */
export function schemasFromOpenApi(document: { definitions: Record<string, Schema> }): Map<string, Schema> {
  const definitions: Record<string, Schema> = { ...document.definitions };
  definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString'] = INT_OR_STRING;
  definitions['io.k8s.apimachinery.pkg.api.resource.Quantity'] = QUANTITY;
  const schemas = new Map<string, Schema>();
  for (const [name, definition] of Object.entries(definitions)) {
    const kinds = definition['x-kubernetes-group-version-kind'] as { group: string; version: string; kind: string }[] | undefined;
    if (!kinds) continue;
    const used = Object.fromEntries([...reachable(definitions, name)].map((ref) => [ref, definitions[ref]]));
    const schema = strict({ $schema: 'http://json-schema.org/draft-07/schema#', definitions: used, ...definition }) as Schema;
    for (const { group, version, kind } of kinds) schemas.set(schemaFileName(kind, group ? `${group}/${version}` : version), schema);
  }
  return schemas;
}

/** The schema of each version a CustomResourceDefinition serves. */
export function schemasFromCrd(crd: { spec: { group: string; names: { kind: string }; versions: { name: string; schema?: { openAPIV3Schema: Schema } }[] } }): Map<string, Schema> {
  const schemas = new Map<string, Schema>();
  for (const version of crd.spec.versions) {
    if (!version.schema) continue;
    schemas.set(schemaFileName(crd.spec.names.kind, `${crd.spec.group}/${version.name}`), strict({ $schema: 'http://json-schema.org/draft-07/schema#', ...version.schema.openAPIV3Schema }) as Schema);
  }
  return schemas;
}
