export { ACCESS_LOG_TOPIC, ACCESS_LOGGED, AccessLog, accessLogRecord, type AccessLogEntry } from './access-log.js';
export type { AuthenticatedRequest } from './authenticated-request.js';
export { CurrentMember } from './current-member.decorator.js';
export { DEFAULT_MAX_REQUEST_BYTES, DEFAULT_RECORDS_PER_SECOND, memberIdProblem, RESERVED_MEMBER_IDS, type ApiKeyInfo, type Member } from './member.js';
export { MemberAuthGuard } from './member-auth.guard.js';
export { MemberDirectory, type Authentication } from './member-directory.js';
export { MembersModule } from './members.module.js';
export { openMemberDirectory } from './open-member-directory.js';
export { presentedCredential, type PresentedCredential } from './presented-credential.js';
