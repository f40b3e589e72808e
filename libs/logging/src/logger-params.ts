import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { stdSerializers } from 'pino';
import type { HubEnvironment } from '@hub/config';
import { CORRELATION_HTTP_HEADER, newCorrelationId } from './correlation.js';
import { PERSONAL_FIELD_PATHS, REDACTED, scrubIdentityNumbers } from './personal-data-redaction.js';

export interface ServiceIdentity {
  name: string;
  version: string;
}

function correlationIdOf(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers[CORRELATION_HTTP_HEADER];
  const id = typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : newCorrelationId();
  res.setHeader(CORRELATION_HTTP_HEADER, id);
  return id;
}

const INFO = 30;
/** Nest's start-up inventory (each module initialised, each route mapped): dozens of lines a start, at debug. */
const START_UP_INVENTORY = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);
const isStartUpInventory = (first: unknown) => typeof first === 'object' && first !== null && START_UP_INVENTORY.has(String((first as { context?: unknown }).context));

/** One logging setup for every hub process: service, version and Node.js on each line, personal data redacted. */
export function createLoggerParams(env: HubEnvironment, service: ServiceIdentity): Params {
  const pretty = (env.LOG_FORMAT ?? (env.NODE_ENV === 'development' ? 'pretty' : 'json')) === 'pretty';
  return {
    pinoHttp: {
      level: env.LOG_LEVEL,
      base: { service: service.name, version: service.version, node: process.version },
      redact: { paths: [...PERSONAL_FIELD_PATHS], censor: REDACTED },
      hooks: {
        logMethod(args, method, level) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubIdentityNumbers(arg) : arg)) as Parameters<typeof method>;
          if (level === INFO && isStartUpInventory(args[0])) this.debug(...scrubbed);
          else method.apply(this, scrubbed);
        },
      },
      formatters: { level: (label) => ({ level: label }) },
      genReqId: correlationIdOf,
      customAttributeKeys: { reqId: 'correlationId' },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ method: req.method, url: scrubIdentityNumbers(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: (err: Error) => {
          const serialized = stdSerializers.err(err);
          return { ...serialized, message: scrubIdentityNumbers(serialized.message), stack: scrubIdentityNumbers(serialized.stack) };
        },
      },
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
      transport: pretty ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } } : undefined,
    },
  };
}
