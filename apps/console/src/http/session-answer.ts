import type { ConsoleAction } from '@hub/access';
import { permissionsOf, type SessionView } from '@hub/console-users';

/** A session as the console's pages read it: with what its role may do, so they show only the pages it opens. */
export type SessionAnswer = SessionView & { permissions: readonly ConsoleAction[] };
export const answer = (session: SessionView): SessionAnswer => ({ ...session, permissions: permissionsOf(session.role) });
