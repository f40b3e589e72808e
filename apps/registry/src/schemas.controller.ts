import { Controller, Get, Param } from '@nestjs/common';
import { ContractRegistry } from '@hub/contract-registry';

/** Schemas by their global id, as in the Confluent Schema Registry API. */
@Controller('schemas')
export class SchemasController {
  constructor(private readonly registry: ContractRegistry) {}

  @Get('types')
  types(): string[] {
    return ['JSON'];
  }

  @Get('ids/:id')
  async byId(@Param('id') id: string) {
    const found = await this.registry.schemaById(Number(id));
    return { schemaType: 'JSON', schema: found.schemaText };
  }
}
