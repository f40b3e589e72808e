import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * npm ci applies patches/kafkajs+2.2.4.patch (patch-package, the postinstall script). Without it a
 * send can resolve although a partition whose leader moved was never written (the fault suite's
 * cluster test found 18 of 6,000 accepted records lost); this fails if the install did not apply it.
 */
describe('the installed kafkajs', () => {
  it('keeps a send’s acknowledgements per partition, as the patch makes it (kafkajs#1303)', () => {
    const sendMessages = readFileSync(join(process.cwd(), 'node_modules', 'kafkajs', 'src', 'producer', 'sendMessages.js'), 'utf8');
    expect(sendMessages).toContain('const responsePerPartition = new Map()');
    expect(sendMessages).not.toContain('responsePerBroker');
  });
});
