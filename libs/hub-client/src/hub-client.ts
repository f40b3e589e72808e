import type {
  BulkLoad,
  CsvMapping,
  DeclaredCsvMapping,
  FindingPage,
  FindingResponse,
  FindingReveal,
  PublishOutcome,
  RecordedFindingResponse,
  SubmissionRecord,
  UnjustifiedFactReadPage,
} from './generated/gateway-api.js';
import { HubClientError } from './hub-client-error.js';

export interface FindingQuery {
  after?: string;
  limit?: number;
  state?: 'open' | 'closed';
  rule?: string;
  period?: string;
}

export interface HubClientOptions {
  gatewayUrl: string;
  apiKey: string;
  /** Tries per request when the gateway asks to wait (429, 503) or does not answer. */
  attempts?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The hub's gateway as a department system uses it: publish records (JSON or a CSV export), read
 * the findings routed to it as a change feed, and respond. Requests the gateway asks to repeat
 * later are repeated (publishing is idempotent by record id).
 */
export class HubClient {
  private readonly attempts: number;

  constructor(private readonly options: HubClientOptions) {
    this.attempts = options.attempts ?? 5;
  }

  /** Publishes records; one bad record does not fail the others (see each result). */
  publish(records: readonly SubmissionRecord[]): Promise<PublishOutcome> {
    return this.request('POST', '/v1/events', JSON.stringify(records), 'application/json');
  }

  /** Publishes a CSV export of one event type, read by the mapping declared for it. */
  publishCsv(type: string, csv: string): Promise<PublishOutcome> {
    return this.request('POST', `/v1/events?type=${encodeURIComponent(type)}`, csv, 'text/csv');
  }

  declareCsvMapping(type: string, mapping: CsvMapping): Promise<DeclaredCsvMapping> {
    return this.request('PUT', `/v1/csv-mappings/${encodeURIComponent(type)}`, JSON.stringify(mapping), 'application/json');
  }

  /** One page of the findings routed to this department, oldest change first; pass the page's `nextCursor` as `after` for the next. */
  findings(query: FindingQuery = {}): Promise<FindingPage> {
    const parameters = new URLSearchParams(
      Object.entries(query)
        .filter(([, value]) => value !== undefined)
        .map(([name, value]): [string, string] => [name, String(value)]),
    );
    return this.request('GET', `/v1/findings${parameters.size > 0 ? `?${parameters.toString()}` : ''}`);
  }

  respond(findingId: string, response: FindingResponse): Promise<RecordedFindingResponse> {
    return this.request('POST', `/v1/findings/${findingId}/responses`, JSON.stringify(response), 'application/json');
  }

  /** For an auditor: persons whose facts a member read with no finding or later record to justify it (one page). */
  unjustifiedFactReads(query: { member?: string; after?: string; limit?: number } = {}): Promise<UnjustifiedFactReadPage> {
    const parameters = new URLSearchParams(
      Object.entries(query)
        .filter(([, value]) => value !== undefined)
        .map(([name, value]): [string, string] => [name, String(value)]),
    );
    return this.request('GET', `/v1/facts/unjustified-reads${parameters.size > 0 ? `?${parameters.toString()}` : ''}`);
  }

  /** Who one of this department's open findings is about, where the policy grants it; the purpose is written to the access log. */
  reveal(findingId: string, purpose: string): Promise<FindingReveal> {
    return this.request('POST', `/v1/findings/${findingId}/reveal`, JSON.stringify({ purpose }), 'application/json');
  }

  /**
   * Opens a bulk load: send a large body of records (a history, a reconciliation) inside one, and
   * the hub holds back the findings it raises until the load is closed and judged.
   */
  openBulkLoad(): Promise<BulkLoad> {
    return this.request('POST', '/v1/bulk-loads');
  }

  /** Closes a bulk load once every batch of it was accepted; closing it again answers it as it was closed. */
  closeBulkLoad(loadId: string): Promise<BulkLoad> {
    return this.request('POST', `/v1/bulk-loads/${encodeURIComponent(loadId)}/close`);
  }

  /**
   * Runs the work inside a bulk load. The load is closed when the work ends, also when it fails:
   * what was accepted is judged, rather than findings held back for hours by a load left open.
   */
  async inBulkLoad<T>(work: () => Promise<T>): Promise<T> {
    const { loadId } = await this.openBulkLoad();
    try {
      return await work();
    } finally {
      await this.closeBulkLoad(loadId);
    }
  }

  private async request<T>(method: string, path: string, body?: string, contentType?: string): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(`${this.options.gatewayUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${this.options.apiKey}`, ...(contentType ? { 'content-type': contentType } : {}) },
          ...(body === undefined ? {} : { body }),
        });
      } catch (error) {
        if (attempt >= this.attempts) throw new HubClientError(`${method} ${path}: the gateway did not answer (${(error as Error).message})`, 0);
        await sleep(500 * attempt);
        continue;
      }
      if (response.ok) return (await response.json()) as T;
      const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
      const failure = new HubClientError(`${method} ${path}: ${response.status} ${await response.text()}`, response.status, Number.isNaN(retryAfter) ? undefined : retryAfter);
      if (!failure.canRetry || attempt >= this.attempts) throw failure;
      await sleep((failure.retryAfterSeconds ?? attempt) * 1000);
    }
  }
}
