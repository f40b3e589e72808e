import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ContractRegistry, TopicSampleChecker, type ContractSummary, type SampleCheckReport } from '@hub/contract-registry';
import { RegistryAccessGuard } from './access/registry-access.guard.js';
import { RegistryCallerGuard } from './access/registry-caller.guard.js';
import { RegistryRoute } from './access/registry-action.decorator.js';
import { schemaRequest } from './schema-request.js';

/** The hub's extensions beside the Confluent API: owner, topic binding, classification, lifecycle. */
@Controller('hub/contracts')
@UseGuards(RegistryCallerGuard, RegistryAccessGuard)
export class HubContractsController {
  constructor(
    private readonly registry: ContractRegistry,
    private readonly sampleChecker: TopicSampleChecker,
  ) {}

  @Get()
  @RegistryRoute('read-contracts')
  contracts(): Promise<ContractSummary[]> {
    return this.registry.contracts();
  }

  @Get(':subject')
  @RegistryRoute('read-contracts')
  contract(@Param('subject') subject: string): Promise<ContractSummary> {
    return this.registry.contract(subject);
  }

  @Put(':subject/lifecycle')
  @RegistryRoute('change-lifecycle')
  lifecycle(@Param('subject') subject: string, @Body() body: unknown): Promise<ContractSummary> {
    return this.registry.setLifecycle(subject, ((body ?? {}) as { lifecycle?: unknown }).lifecycle);
  }

  /** How many of the events on the subject's topic in the last `days` the candidate would reject, and why. */
  @Post(':subject/sample-check')
  @RegistryRoute('sample-check')
  @HttpCode(200)
  sampleCheck(@Param('subject') subject: string, @Body() body: unknown, @Query('days') days = '7'): Promise<SampleCheckReport> {
    const { schema, schemaType } = schemaRequest(body);
    return this.sampleChecker.check(subject, schema, schemaType, Number(days));
  }
}
