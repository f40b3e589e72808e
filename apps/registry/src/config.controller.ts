import { Body, Controller, Delete, Get, Param, Put, Query, UseGuards } from '@nestjs/common';
import { decideCompatibilityChange } from '@hub/access';
import { ContractRegistry } from '@hub/contract-registry';
import { CurrentMember, type Member } from '@hub/members';
import { callerOf, RegistryAccess } from './access/registry-access.js';
import { RegistryAccessGuard } from './access/registry-access.guard.js';
import { RegistryCallerGuard } from './access/registry-caller.guard.js';
import { RegistryRoute } from './access/registry-action.decorator.js';

const level = (body: unknown) => ((body ?? {}) as { compatibility?: unknown }).compatibility;

/** Global and per-subject compatibility levels, as in the Confluent Schema Registry API. */
@Controller('config')
@UseGuards(RegistryCallerGuard, RegistryAccessGuard)
export class ConfigController {
  constructor(
    private readonly registry: ContractRegistry,
    private readonly access: RegistryAccess,
  ) {}

  @Get()
  @RegistryRoute('read-contracts')
  async global() {
    return { compatibilityLevel: await this.registry.compatibilityLevel(null) };
  }

  @Put()
  @RegistryRoute('change-compatibility')
  async setGlobal(@Body() body: unknown) {
    return { compatibility: await this.registry.setCompatibilityLevel(null, level(body)) };
  }

  @Get(':subject')
  @RegistryRoute('read-contracts')
  async subject(@Param('subject') subject: string, @Query('defaultToGlobal') defaultToGlobal?: string) {
    return { compatibilityLevel: await this.registry.compatibilityLevel(subject, defaultToGlobal === 'true') };
  }

  /** Setting the level already in force changes nothing and is stored only for a data steward (see decideCompatibilityChange). */
  @Put(':subject')
  @RegistryRoute('change-compatibility', { decidedByHandler: true })
  async setSubject(@Param('subject') subject: string, @Body() body: unknown, @CurrentMember() member: Member) {
    const requested = level(body);
    const unchanged = requested === (await this.registry.compatibilityLevel(subject, true));
    const owner = member.role === 'department' ? await this.registry.ownerOf(subject) : undefined;
    const decision = decideCompatibilityChange(callerOf(member), subject, { owner, unchanged });
    await this.access.enforce(decision);
    if (unchanged && member.role !== 'data-steward') return { compatibility: requested };
    return { compatibility: await this.registry.setCompatibilityLevel(subject, requested) };
  }

  @Delete(':subject')
  @RegistryRoute('change-compatibility')
  async deleteSubject(@Param('subject') subject: string) {
    return { compatibilityLevel: await this.registry.deleteCompatibilityLevel(subject) };
  }
}
