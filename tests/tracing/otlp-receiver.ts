import { createServer, type Server } from 'node:http';
import { freePort } from '@hub/local-infra';

/** A span as an OTLP/HTTP JSON export carries it, with the service that sent it. */
export interface ReceivedSpan {
  service: string;
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  kind: number;
  links: { traceId: string; spanId: string }[];
}

interface ExportRequest {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: { stringValue?: string } }[] };
    scopeSpans?: { spans?: { name: string; traceId: string; spanId: string; parentSpanId?: string; kind: number; links?: { traceId: string; spanId: string }[] }[] }[];
  }[];
}

/** A trace collector as an operator's would be, on loopback: it takes OTLP/HTTP JSON exports at /v1/traces and keeps their spans. */
export class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  /** Exports it could not read (another encoding than JSON): none, or the test learns why. */
  readonly refused: string[] = [];

  private constructor(
    private readonly server: Server,
    readonly endpoint: string,
  ) {}

  static async start(): Promise<OtlpReceiver> {
    const port = await freePort();
    const server = createServer();
    const receiver = new OtlpReceiver(server, `http://127.0.0.1:${port}`);
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const type = request.headers['content-type'] ?? '';
        if (request.url === '/v1/traces' && type.includes('json')) receiver.take(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ExportRequest);
        else receiver.refused.push(`${request.method ?? ''} ${request.url ?? ''} (${type})`);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return receiver;
  }

  private take(request: ExportRequest): void {
    for (const resourceSpans of request.resourceSpans ?? []) {
      const service = resourceSpans.resource?.attributes?.find((attribute) => attribute.key === 'service.name')?.value.stringValue ?? '';
      for (const scope of resourceSpans.scopeSpans ?? []) {
        for (const span of scope.spans ?? []) {
          this.spans.push({
            service,
            name: span.name,
            traceId: span.traceId,
            spanId: span.spanId,
            ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
            kind: span.kind,
            links: span.links ?? [],
          });
        }
      }
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server.close(() => {
        resolve();
      }),
    );
  }
}
