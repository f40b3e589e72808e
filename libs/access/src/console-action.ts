/** What a person may do through the console's API (issue 24). */
export const CONSOLE_ACTIONS = [
  /** The findings routed to the user's own member, and their export. */
  'read-own-findings',
  /** Acknowledge, resolve or dispute one of them. */
  'respond-to-finding',
  /** Learn who a finding is about, where its rule grants it (the purpose logged). */
  'reveal-identity',
  /** Findings across every member (the audit office). */
  'search-all-findings',
  /** A finding's lineage from the audit store: the events it rests on, its changes, responses and reads. */
  'read-lineage',
  /** Walk every chain of the audit store and check every checkpoint. */
  'verify-audit',
  /** Replay the log as of a moment, under the live policy or an edited one (what-if), and compare with what the hub announced. */
  'replay-log',
  /** The access log (who did what, allowed or refused). */
  'read-access-log',
  /** The data catalogue: contracts, fields and their classification, the sharing rules. */
  'read-catalogue',
  /** Check a candidate contract version against the registered ones. */
  'check-contract',
  /** Register a contract version, through the registry, which decides it as for the user's member. */
  'register-contract',
  /** Change a contract's lifecycle (active, deprecated, disabled), through the registry likewise. */
  'change-lifecycle',
  /** The services' health. */
  'read-operations',
] as const;
export type ConsoleAction = (typeof CONSOLE_ACTIONS)[number];
