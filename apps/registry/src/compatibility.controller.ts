import { Body, Controller, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ContractRegistry } from '@hub/contract-registry';
import { CurrentMember, type Member } from '@hub/members';
import { RegistryAccessGuard } from './access/registry-access.guard.js';
import { RegistryCallerGuard } from './access/registry-caller.guard.js';
import { RegistryRoute } from './access/registry-action.decorator.js';
import { schemaRequest } from './schema-request.js';

/**
 * Dry-run compatibility checks; `?verbose=true` explains every incompatibility and governed change.
 * A governed change (a lowered classification, a changed owner, topic or sharing rule) is never
 * reported as compatible to a caller who could not register it: only a data steward may.
 */
@Controller('compatibility')
@UseGuards(RegistryCallerGuard, RegistryAccessGuard)
export class CompatibilityController {
  constructor(private readonly registry: ContractRegistry) {}

  @Post('subjects/:subject/versions/:version')
  @RegistryRoute('check-contract')
  @HttpCode(200)
  async check(@Param('subject') subject: string, @Param('version') version: string, @Body() body: unknown, @CurrentMember() member: Member, @Query('verbose') verbose?: string) {
    const { schema, schemaType } = schemaRequest(body);
    const report = await this.registry.checkCompatibility(subject, version, schema, schemaType);
    const steward = member.role === 'data-steward';
    const compatible = report.compatible && (steward || report.governed.length === 0);
    if (verbose !== 'true') return { is_compatible: compatible };
    const governed = report.governed.map(
      (change) => `Governed change at ${change.pointer}: ${change.detail}. ${steward ? 'Allowed: you are a data steward.' : 'Only a data steward may register it.'}`,
    );
    return { is_compatible: compatible, messages: [...report.incompatibilities.map((i) => i.explanation), ...governed], governed_changes: report.governed };
  }
}
