import { RegistryError, RegistryErrorCode } from '@hub/contract-registry';

/** The body of a schema registration, lookup or compatibility check (Confluent API). */
export interface SchemaRequest {
  schema: string;
  schemaType?: string;
}

export function schemaRequest(body: unknown): SchemaRequest {
  const request = (body ?? {}) as Partial<SchemaRequest>;
  if (typeof request.schema !== 'string') {
    throw new RegistryError(RegistryErrorCode.InvalidSchema, 'Invalid request: "schema" must be the schema as a JSON string.');
  }
  return { schema: request.schema, ...(request.schemaType === undefined ? {} : { schemaType: request.schemaType }) };
}
