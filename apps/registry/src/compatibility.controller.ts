import { Body, Controller, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ContractRegistry } from '@hub/contract-registry';
import { schemaRequest } from './schema-request.js';

/** Dry-run compatibility checks; `?verbose=true` explains every incompatibility. */
@Controller('compatibility')
export class CompatibilityController {
  constructor(private readonly registry: ContractRegistry) {}

  @Post('subjects/:subject/versions/:version')
  @HttpCode(200)
  async check(@Param('subject') subject: string, @Param('version') version: string, @Body() body: unknown, @Query('verbose') verbose?: string) {
    const { schema, schemaType } = schemaRequest(body);
    const verdict = await this.registry.checkCompatibility(subject, version, schema, schemaType);
    return verbose === 'true' ? { is_compatible: verdict.compatible, messages: verdict.incompatibilities.map((i) => i.explanation) } : { is_compatible: verdict.compatible };
  }
}
