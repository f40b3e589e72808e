import type { KeyObject } from 'node:crypto';
import { Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { ErrorCode, HubError } from '@hub/errors';
import { VersionedKeyRing } from '@hub/privacy';
import { AccessLogSearch, type AccessLogPage, type AccessLogQuery } from './access-log-search.js';
import { readTrustedKey } from './audit-keys.js';
import { verifyAuditStore, type AuditVerification, type VerificationProgress } from './audit-verification.js';
import type { Lineage, LineageTopics } from './finding-lineage.js';
import { openAuditReader } from './open-audit-store.js';

export interface AuditReadingOptions {
  /** The audit store's reading role (hub_audit_reader); unset: the auditor's pages answer that the audit store is not configured. */
  databaseUrl?: string;
  /** The audit's key ring, to open what it sealed. */
  storeKeys?: string;
  /** The audit's public keys its checkpoints are checked against. */
  trustedKeyFiles: readonly string[];
  /** Where the hub's findings, responses and access log are. */
  topics: LineageTopics;
}

type Reader = Awaited<ReturnType<typeof openAuditReader>> & { accessLog: AccessLogSearch; trusted: KeyObject[] };

/**
 * What an auditor reads of the audit store through the console (issue 24): a finding's lineage,
 * the verification of every chain (with its progress), and the access log. The same code as
 * `hub audit lineage` and `hub audit verify`, on a reading connection opened at the first use.
 */
export class AuditReading implements OnApplicationShutdown {
  private reader?: Promise<Reader>;

  constructor(private readonly options: AuditReadingOptions) {}

  lineage(findingId: string): Promise<Lineage> {
    return this.open().then((reader) => reader.lineage.of(findingId, this.options.topics));
  }

  /** Every chain walked and every checkpoint checked, in the store alone (the CLI compares with the broker too). */
  async verify(onProgress: (progress: VerificationProgress) => void): Promise<AuditVerification> {
    const reader = await this.open();
    return verifyAuditStore(reader.store, reader.trusted, { onProgress });
  }

  async accessLog(query: AccessLogQuery): Promise<AccessLogPage> {
    return (await this.open()).accessLog.search(query);
  }

  async onApplicationShutdown(): Promise<void> {
    const reader = await this.reader?.catch(() => undefined);
    await reader?.close();
  }

  private open(): Promise<Reader> {
    const { databaseUrl, storeKeys, trustedKeyFiles, topics } = this.options;
    if (!databaseUrl || !storeKeys || trustedKeyFiles.length === 0) {
      return Promise.reject(new HubError(ErrorCode.NotReady, '审计库未配置 (the console reads no audit store: set AUDIT_DATABASE_URL, AUDIT_STORE_KEYS and AUDIT_PUBLIC_KEY_FILE)'));
    }
    this.reader ??= openAuditReader(databaseUrl, VersionedKeyRing.parse(storeKeys)).then((reader) => ({
      ...reader,
      accessLog: new AccessLogSearch(reader.dataSource, reader.records, topics.accessLog),
      trusted: trustedKeyFiles.map(readTrustedKey),
    }));
    // A failed first open (the database away) is tried again at the next request.
    this.reader.catch(() => {
      this.reader = undefined;
    });
    return this.reader;
  }
}

const OPTIONS = Symbol('AUDIT_READING_OPTIONS');

/** AuditReading for an app (the console). */
@Module({})
export class AuditReadingModule {
  static forRoot(options: AuditReadingOptions): DynamicModule {
    return {
      module: AuditReadingModule,
      providers: [
        { provide: OPTIONS, useValue: options },
        { provide: AuditReading, inject: [OPTIONS], useFactory: (given: AuditReadingOptions) => new AuditReading(given) },
      ],
      exports: [AuditReading],
    };
  }
}
