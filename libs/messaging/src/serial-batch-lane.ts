interface Waiting<R> {
  /** Calls with the same key invoke the same handler and may be merged. */
  key: string;
  records: readonly R[];
  invoke: (records: readonly R[]) => Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** A merged run stops growing here (a caller's own batch is never split). */
const MAX_RECORDS_PER_RUN = 20_000;

/**
 * Runs handler invocations one at a time, merging the batches that wait for the same handler into
 * one invocation: partitions handed over concurrently by the consumer become one transaction of the
 * handler's, as if one partition had carried them all. A merged invocation that fails is run again
 * for each batch on its own, so only the batch at fault fails (and is retried and dead-lettered).
 */
export class SerialBatchLane<R> {
  private readonly waiting: Waiting<R>[] = [];
  private running = false;

  run(key: string, records: readonly R[], invoke: (records: readonly R[]) => Promise<void>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ key, records, invoke, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    while (this.waiting.length > 0) {
      const first = this.waiting.shift()!;
      const group = [first];
      let size = first.records.length;
      for (let i = 0; i < this.waiting.length && size < MAX_RECORDS_PER_RUN;) {
        const next = this.waiting[i];
        if (next.key === first.key && size + next.records.length <= MAX_RECORDS_PER_RUN) {
          group.push(...this.waiting.splice(i, 1));
          size += next.records.length;
        } else i++;
      }
      await this.runGroup(group);
    }
    this.running = false;
  }

  private async runGroup(group: readonly Waiting<R>[]): Promise<void> {
    try {
      await group[0].invoke(group.flatMap((call) => call.records));
      group.forEach((call) => {
        call.resolve();
      });
    } catch (error) {
      if (group.length === 1) {
        group[0].reject(error);
        return;
      }
      for (const call of group) {
        await call.invoke(call.records).then(call.resolve, call.reject);
      }
    }
  }
}
