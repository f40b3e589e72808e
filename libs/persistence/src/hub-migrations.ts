import { CreateInbox1764460800000 } from './migrations/1764460800000-create-inbox.js';

/** Every schema migration of the hub, oldest first. A new migration is added at the end. */
export const HUB_MIGRATIONS = [CreateInbox1764460800000];
