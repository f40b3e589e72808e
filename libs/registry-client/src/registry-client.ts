import type { SampleCheckReport } from '@hub/contract-registry';
import type { JsonSchema } from '@hub/contracts';

export interface RegisteredVersion {
  subject: string;
  version: number;
  id: number;
  schemaType: string;
  schema: string;
}

export interface ContractListing {
  subject: string;
  version: number;
  id: number;
  lifecycle: string;
  binding?: { owner: string; topic: string; type: string; version: number; partitionKey: string };
}

/** An answer of the registry that is not a success, with its Confluent error code and message. */
export class RegistryRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'RegistryRequestError';
  }
}

/** Who calls the registry: a member id and one of its API keys. */
export interface RegistryCredential {
  member: string;
  key: string;
}

/**
 * A client of the hub's contract registry (its Confluent-compatible API and the hub extensions).
 * It authenticates as Confluent clients do, with HTTP Basic `<member>:<key>`; the credential is
 * asked for on the first call.
 */
export class RegistryClient {
  constructor(
    private readonly baseUrl: string,
    private readonly credential: () => RegistryCredential,
  ) {}

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const { member, key } = this.credential();
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl.replace(/\/$/, '')}${path}`, {
        method,
        headers: {
          'content-type': 'application/vnd.schemaregistry.v1+json',
          accept: 'application/json',
          authorization: `Basic ${Buffer.from(`${member}:${key}`).toString('base64')}`,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new RegistryRequestError(0, 0, `cannot reach the registry at ${this.baseUrl} (${error instanceof Error ? error.message : String(error)}); is it running (npm start)?`);
    }
    const payload = (await response.json()) as T & { error_code?: number; message?: string };
    if (!response.ok) throw new RegistryRequestError(response.status, payload.error_code ?? response.status, payload.message ?? response.statusText);
    return payload;
  }

  contracts(): Promise<ContractListing[]> {
    return this.request('GET', '/hub/contracts');
  }

  version(subject: string, version = 'latest'): Promise<RegisteredVersion> {
    return this.request('GET', `/subjects/${encodeURIComponent(subject)}/versions/${version}`);
  }

  register(subject: string, schema: JsonSchema): Promise<{ id: number }> {
    return this.request('POST', `/subjects/${encodeURIComponent(subject)}/versions`, { schema: JSON.stringify(schema), schemaType: 'JSON' });
  }

  /** Whether the schema could be registered under the subject now, with every reason it could not. */
  check(subject: string, schema: JsonSchema): Promise<{ is_compatible: boolean; messages: string[]; governed_changes: { kind: string; pointer: string; detail: string }[] }> {
    return this.request('POST', `/compatibility/subjects/${encodeURIComponent(subject)}/versions/latest?verbose=true`, { schema: JSON.stringify(schema), schemaType: 'JSON' });
  }

  /** How many events on the subject's topic in the last days the schema would reject, and why. */
  sampleCheck(subject: string, schema: JsonSchema, days: number): Promise<SampleCheckReport> {
    return this.request('POST', `/hub/contracts/${encodeURIComponent(subject)}/sample-check?days=${days}`, { schema: JSON.stringify(schema), schemaType: 'JSON' });
  }

  setLifecycle(subject: string, lifecycle: string): Promise<ContractListing> {
    return this.request('PUT', `/hub/contracts/${encodeURIComponent(subject)}/lifecycle`, { lifecycle });
  }
}
