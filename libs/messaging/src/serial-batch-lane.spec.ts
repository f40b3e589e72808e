import { SerialBatchLane } from './serial-batch-lane.js';

/** Records are strings here; `invoked` lists each invocation's records, `active` how many ran at once at most. */
function recorder(fails: (records: readonly string[]) => boolean = () => false) {
  const invoked: string[][] = [];
  let running = 0;
  let mostAtOnce = 0;
  const invoke = async (records: readonly string[]) => {
    running++;
    mostAtOnce = Math.max(mostAtOnce, running);
    await new Promise((resolve) => setTimeout(resolve, 5));
    running--;
    invoked.push([...records]);
    if (fails(records)) throw new Error(`cannot apply ${records.join(',')}`);
  };
  return { invoke, invoked, mostAtOnce: () => mostAtOnce };
}

describe('the serial batch lane', () => {
  it('merges the batches waiting for the same handler into one invocation, and runs one invocation at a time', async () => {
    const lane = new SerialBatchLane<string>();
    const handler = recorder();
    await Promise.all([lane.run('facts', ['a1'], handler.invoke), lane.run('facts', ['b1', 'b2'], handler.invoke), lane.run('facts', ['c1'], handler.invoke)]);
    expect(handler.invoked).toEqual([['a1'], ['b1', 'b2', 'c1']]);
    expect(handler.mostAtOnce()).toBe(1);
  });

  it('never merges batches of different handlers, and runs them in turn', async () => {
    const lane = new SerialBatchLane<string>();
    const facts = recorder();
    const responses = recorder();
    await Promise.all([lane.run('facts', ['a1'], facts.invoke), lane.run('responses', ['r1'], responses.invoke), lane.run('facts', ['b1'], facts.invoke)]);
    expect([facts.invoked, responses.invoked]).toEqual([[['a1'], ['b1']], [['r1']]]);
  });

  it('runs a failed merged invocation again batch by batch, so only the batch at fault fails', async () => {
    const lane = new SerialBatchLane<string>();
    const handler = recorder((records) => records.includes('poison'));
    const outcomes = await Promise.allSettled([
      lane.run('facts', ['a1'], handler.invoke),
      lane.run('facts', ['b1'], handler.invoke),
      lane.run('facts', ['poison'], handler.invoke),
      lane.run('facts', ['c1'], handler.invoke),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(handler.invoked).toEqual([['a1'], ['b1', 'poison', 'c1'], ['b1'], ['poison'], ['c1']]);
  });
});
