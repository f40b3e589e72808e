import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ContractRegistry } from '@hub/contract-registry';

const level = (body: unknown) => ((body ?? {}) as { compatibility?: unknown }).compatibility;

/** Global and per-subject compatibility levels, as in the Confluent Schema Registry API. */
@Controller('config')
export class ConfigController {
  constructor(private readonly registry: ContractRegistry) {}

  @Get()
  async global() {
    return { compatibilityLevel: await this.registry.compatibilityLevel(null) };
  }

  @Put()
  async setGlobal(@Body() body: unknown) {
    return { compatibility: await this.registry.setCompatibilityLevel(null, level(body)) };
  }

  @Get(':subject')
  async subject(@Param('subject') subject: string, @Query('defaultToGlobal') defaultToGlobal?: string) {
    return { compatibilityLevel: await this.registry.compatibilityLevel(subject, defaultToGlobal === 'true') };
  }

  @Put(':subject')
  async setSubject(@Param('subject') subject: string, @Body() body: unknown) {
    return { compatibility: await this.registry.setCompatibilityLevel(subject, level(body)) };
  }

  @Delete(':subject')
  async deleteSubject(@Param('subject') subject: string) {
    return { compatibilityLevel: await this.registry.deleteCompatibilityLevel(subject) };
  }
}
