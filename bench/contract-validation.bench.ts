/**
 * Validation of typical events against their compiled contracts, on this one process (one core):
 * the valid examples of every standard contract, round-robin, and one invalid example per contract.
 */
import { join } from 'node:path';
import { readContractFolder } from '@hub/contract-files';
import { ContractValidator } from '@hub/contracts';
import { report, type Figure } from './bench-report.js';

function measure(name: string, rounds: number, run: () => void): Figure {
  for (let i = 0; i < Math.min(rounds, 10_000); i++) run();
  const started = performance.now();
  for (let i = 0; i < rounds; i++) run();
  return { name, eventsPerSecond: rounds / ((performance.now() - started) / 1000) };
}

export function contractValidationBench(projectRoot: string, events: number, details: Record<string, unknown>): void {
  const contracts = readContractFolder(join(projectRoot, 'contracts'));
  const validator = new ContractValidator();
  const valid: [string, unknown][] = [];
  const invalid: [string, unknown][] = [];
  for (const contract of contracts) {
    const id = validator.add(contract.schema);
    for (const example of contract.schema['examples'] as unknown[]) valid.push([id, example]);
    if (contract.invalidExamples[0]) invalid.push([id, contract.invalidExamples[0].document]);
  }
  let i = 0;
  const figures = [
    measure(`valid events, ${valid.length} contracts round-robin`, events, () => {
      const [id, document] = valid[i++ % valid.length];
      if (!validator.validate(id, document).valid) throw new Error(`example of ${id} should be valid`);
    }),
    measure('invalid events (all violations collected)', Math.floor(events / 4), () => {
      const [id, document] = invalid[i++ % invalid.length];
      if (validator.validate(id, document).valid) throw new Error(`invalid example of ${id} passed`);
    }),
  ];
  for (const contract of contracts) {
    const id = contract.schema['$id'] as string;
    const document = (contract.schema['examples'] as unknown[])[0];
    figures.push(measure(`  ${contract.name}`, Math.floor(events / 4), () => validator.validate(id, document)));
  }
  report(projectRoot, 'contract-validation', figures, { ...details, options: { events } });
}
