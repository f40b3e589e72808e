/** How far the audit service has recorded the canonical topics, read from its chains' heads (by index, never a count of the store). */
import type { AuditStore } from '@hub/audit';
import { pollUntil } from '@hub/local-infra';
import { FACT_EVENT_TYPES } from '@hub/precise-aid';
import { seconds } from './auditor-commands.js';

/** Waits until the audit has recorded every canonical record, showing its progress; the chains' heads are read by index, not counted. */
export async function untilRecorded(store: AuditStore, records: number): Promise<void> {
  const canonical = new Set<string>(FACT_EVENT_TYPES);
  let shown = performance.now();
  await pollUntil(
    async () => {
      let recorded = 0;
      for (const [name, head] of await store.heads()) if (canonical.has(name.slice(0, name.lastIndexOf('/')))) recorded += head.entries;
      if (seconds(shown) >= 10) {
        console.log(`  ${recorded.toLocaleString('en')} of ${records.toLocaleString('en')} canonical records recorded by the audit`);
        shown = performance.now();
      }
      return recorded >= records ? true : undefined;
    },
    { timeoutMs: 4 * 3_600_000, intervalMs: 1000, description: 'the audit to record every canonical record' },
  );
}
