export { CONSOLE_ROLE_NAMES, CONSOLE_ROLES, HUB_OPERATORS, isConsoleRole, needsSecondFactor, rolesForMember, type ConsoleRole } from './console-role.js';
export type { ConsoleUser } from './console-user.js';
export { CONSOLE_USER_REPOSITORY, type ConsoleUserRepository, type NewConsoleUser } from './console-user.repository.js';
export { ConsoleUsers, type IssuedPassword, type MemberOfUser } from './console-users.js';
export { hashPassword, initialPassword, passwordProblems, verifyPassword } from './password.js';
export { PostgresConsoleUserRepository } from './postgres-console-user.repository.js';
export { acceptedTotpStep, newTotpSecret, otpauthUri, totpCode, totpStep } from './totp.js';
