import type { OpenAPIObject } from '@nestjs/swagger';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

/**
 * Every schema of an OpenAPI document's components as TypeScript, one exported interface each,
 * named as in the document: the types a client of the API is written against (the hub client, the
 * console's web application). OpenAPI 3.1 schemas are JSON Schema, so the field's standard
 * compiler reads them; each is titled with its name so references become type names.
 */
export async function openApiSchemaTypes(document: OpenAPIObject, options: { rootName: string; banner: string }): Promise<string> {
  const schemas = Object.fromEntries(Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => [name, { ...schema, title: name }]));
  const root = {
    title: options.rootName,
    type: 'object',
    properties: Object.fromEntries(Object.keys(schemas).map((name) => [name, { $ref: `#/components/schemas/${name}` }])),
    additionalProperties: false,
    components: { schemas },
  } as unknown as JSONSchema;
  return compile(root, options.rootName, {
    bannerComment: options.banner,
    additionalProperties: false,
    strictIndexSignatures: true,
    ignoreMinAndMaxItems: true,
    format: true,
    unreachableDefinitions: false,
  });
}
