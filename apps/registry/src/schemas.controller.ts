import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ContractRegistry } from '@hub/contract-registry';
import { RegistryAccessGuard } from './access/registry-access.guard.js';
import { RegistryCallerGuard } from './access/registry-caller.guard.js';
import { RegistryRoute } from './access/registry-action.decorator.js';

/** Schemas by their global id, as in the Confluent Schema Registry API. */
@Controller('schemas')
@UseGuards(RegistryCallerGuard, RegistryAccessGuard)
export class SchemasController {
  constructor(private readonly registry: ContractRegistry) {}

  @Get('types')
  @RegistryRoute('read-contracts')
  types(): string[] {
    return ['JSON'];
  }

  @Get('ids/:id')
  @RegistryRoute('read-contracts')
  async byId(@Param('id') id: string) {
    const found = await this.registry.schemaById(Number(id));
    return { schemaType: 'JSON', schema: found.schemaText };
  }
}
