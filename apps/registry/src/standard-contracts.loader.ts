import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { resolve } from 'node:path';
import { readContractFolder } from '@hub/contract-files';
import { ContractRegistry, RegistryError } from '@hub/contract-registry';
import { RegistryEnvironment } from './registry-environment.js';

/**
 * Registers the standard contracts of contracts/ at start, each under `<topic>-value` (the
 * Confluent topic-name strategy). Unchanged contracts are a no-op; a changed one becomes a new
 * version if it is compatible, and is logged with the reasons if it is not. Then every subject's
 * state is published again, so followers of hub.contracts converge on the store.
 */
@Injectable()
export class StandardContractsLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger(StandardContractsLoader.name);

  constructor(
    private readonly registry: ContractRegistry,
    private readonly env: RegistryEnvironment,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const folder = resolve(this.env.CONTRACTS_DIR);
    const contracts = readContractFolder(folder);
    for (const contract of contracts) {
      const binding = contract.binding;
      const subject = `${binding.topic}-value`;
      try {
        const stored = await this.registry.register(subject, JSON.stringify(contract.schema), 'JSON');
        this.logger.log(`${subject}: version ${stored.version} (schema id ${stored.id})`);
      } catch (error) {
        if (!(error instanceof RegistryError)) throw error;
        this.logger.error({ subject, errorCode: error.errorCode, details: error.details }, `standard contract ${contract.name} not registered: ${error.message}`);
      }
    }
    this.logger.log(`${contracts.length} standard contracts from ${folder} checked`);
    this.logger.log(`${await this.registry.publishAll()} subjects published to hub.contracts`);
  }
}
