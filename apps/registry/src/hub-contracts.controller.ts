import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ContractRegistry, type ContractSummary } from '@hub/contract-registry';

/** The hub's extensions beside the Confluent API: owner, topic binding, classification, lifecycle. */
@Controller('hub/contracts')
export class HubContractsController {
  constructor(private readonly registry: ContractRegistry) {}

  @Get()
  contracts(): Promise<ContractSummary[]> {
    return this.registry.contracts();
  }

  @Get(':subject')
  contract(@Param('subject') subject: string): Promise<ContractSummary> {
    return this.registry.contract(subject);
  }

  @Put(':subject/lifecycle')
  lifecycle(@Param('subject') subject: string, @Body() body: unknown): Promise<ContractSummary> {
    return this.registry.setLifecycle(subject, ((body ?? {}) as { lifecycle?: unknown }).lifecycle);
  }
}
