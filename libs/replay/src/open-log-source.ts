import { auditLogSource } from './audit-log-source.js';
import { kafkaLogSource } from './kafka-log-source.js';
import type { LogSource, LogSourceSpec } from './log-source.js';

export function openLogSource(spec: LogSourceSpec): Promise<LogSource> {
  return spec.kind === 'kafka' ? Promise.resolve(kafkaLogSource(spec.settings)) : auditLogSource(spec.database, spec.storeKeys);
}
