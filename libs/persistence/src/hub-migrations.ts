import { CreateInbox1764460800000 } from './migrations/1764460800000-create-inbox.js';
import { CreateRegistry1764460800001 } from './migrations/1764460800001-create-registry.js';
import { CreateGateway1764460800002 } from './migrations/1764460800002-create-gateway.js';
import { CreateGatewayFacts1764460800003 } from './migrations/1764460800003-create-gateway-facts.js';
import { CreateCrosscheck1764460800004 } from './migrations/1764460800004-create-crosscheck.js';
import { CreateAudit1764460800005 } from './migrations/1764460800005-create-audit.js';
import { AuditHeadersInChainEncoding1764460800006 } from './migrations/1764460800006-audit-headers-in-chain-encoding.js';
import { AuditFindingReferences1764460800007 } from './migrations/1764460800007-audit-finding-references.js';
import { AuditFindingReferencesNeverFail1764460800008 } from './migrations/1764460800008-audit-finding-references-never-fail.js';
import { MemberRolesOfTheRegistry1764460800009 } from './migrations/1764460800009-member-roles-of-the-registry.js';
import { SealedPersonalData1764460800010 } from './migrations/1764460800010-sealed-personal-data.js';
import { CrosscheckReviews1764460800013 } from './migrations/1764460800013-crosscheck-reviews.js';
import { AuditSealedByPeriod1764460800012 } from './migrations/1764460800012-audit-sealed-by-period.js';
import { FactReads1764460800011 } from './migrations/1764460800011-fact-reads.js';
import { CrosscheckJudgingLocks1764460800014 } from './migrations/1764460800014-crosscheck-judging-locks.js';
import { ConsoleUsers1764460800015 } from './migrations/1764460800015-console-users.js';
import { SharedRateBuckets1764460800016 } from './migrations/1764460800016-shared-rate-buckets.js';
import { ConsoleSessions1764460800017 } from './migrations/1764460800017-console-sessions.js';
import { AuditEntriesByTime1764460800018 } from './migrations/1764460800018-audit-entries-by-time.js';
import { RejectionTally1764460800019 } from './migrations/1764460800019-rejection-tally.js';
import { BulkLoads1764460800020 } from './migrations/1764460800020-bulk-loads.js';
import { IdleBulkLoads1764460800021 } from './migrations/1764460800021-idle-bulk-loads.js';
import { DeferredJudgements1764460800022 } from './migrations/1764460800022-deferred-judgements.js';
import { MemberFacts1764460800023 } from './migrations/1764460800023-member-facts.js';
import { DeferredJudgementsByPerson1764460800024 } from './migrations/1764460800024-deferred-judgements-by-person.js';

/** Every schema migration of the hub, oldest first. A new migration is added at the end. */
export const HUB_MIGRATIONS = [
  CreateInbox1764460800000,
  CreateRegistry1764460800001,
  CreateGateway1764460800002,
  CreateGatewayFacts1764460800003,
  CreateCrosscheck1764460800004,
  CreateAudit1764460800005,
  AuditHeadersInChainEncoding1764460800006,
  AuditFindingReferences1764460800007,
  AuditFindingReferencesNeverFail1764460800008,
  MemberRolesOfTheRegistry1764460800009,
  SealedPersonalData1764460800010,
  FactReads1764460800011,
  AuditSealedByPeriod1764460800012,
  CrosscheckReviews1764460800013,
  CrosscheckJudgingLocks1764460800014,
  ConsoleUsers1764460800015,
  SharedRateBuckets1764460800016,
  ConsoleSessions1764460800017,
  AuditEntriesByTime1764460800018,
  RejectionTally1764460800019,
  BulkLoads1764460800020,
  IdleBulkLoads1764460800021,
  DeferredJudgements1764460800022,
  MemberFacts1764460800023,
  DeferredJudgementsByPerson1764460800024,
];
