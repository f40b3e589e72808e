import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { decideRegistration, type AccessDecision } from '@hub/access';
import { ContractRegistry, RegistryError, type StoredVersion } from '@hub/contract-registry';
import { CurrentMember, type Member } from '@hub/members';
import { byPerson, callerOf, RegistryAccess, type RegistryRequest } from './access/registry-access.js';
import { RegistryCallerGuard } from './access/registry-caller.guard.js';
import { RegistryAccessGuard } from './access/registry-access.guard.js';
import { RegistryRoute } from './access/registry-action.decorator.js';
import { schemaRequest } from './schema-request.js';

const versionView = (v: StoredVersion) => ({ subject: v.subject, version: v.version, id: v.id, schemaType: 'JSON', schema: v.schemaText });

/** Subjects and their versions, as in the Confluent Schema Registry API. */
@Controller('subjects')
@UseGuards(RegistryCallerGuard, RegistryAccessGuard)
export class SubjectsController {
  constructor(
    private readonly registry: ContractRegistry,
    private readonly access: RegistryAccess,
  ) {}

  @Get()
  @RegistryRoute('read-contracts')
  subjects(): Promise<string[]> {
    return this.registry.subjects();
  }

  @Get(':subject/versions')
  @RegistryRoute('read-contracts')
  versions(@Param('subject') subject: string): Promise<number[]> {
    return this.registry.versionNumbers(subject);
  }

  /**
   * Decided under the subject's lock, where its owner and the governed changes are certain; the
   * decision is logged whatever happens, and a schema refused before any decision is logged as such.
   */
  @Post(':subject/versions')
  @RegistryRoute('register-contract', { decidedByHandler: true })
  @HttpCode(200)
  async register(@Param('subject') subject: string, @Body() body: unknown, @CurrentMember() member: Member, @Req() request: RegistryRequest): Promise<{ id: number }> {
    let decision: AccessDecision | undefined;
    const logged = (allowed: boolean, reason: string): AccessDecision => ({ member: member.id, action: 'register-contract', resource: subject, allowed, reason });
    try {
      const { schema, schemaType } = schemaRequest(body);
      const stored = await this.registry.register(subject, schema, schemaType, (plan) => {
        decision = decideRegistration(callerOf(member), { ...plan, governed: plan.governed.map((change) => change.detail) });
        if (!decision.allowed) throw RegistryAccess.refusal(decision);
      });
      decision ??= logged(true, `the schema is already version ${stored.version} of ${subject}; nothing was registered`);
      return { id: stored.id };
    } catch (error) {
      decision ??= logged(false, error instanceof RegistryError ? error.message : 'the registration failed');
      throw error;
    } finally {
      if (decision) await this.access.log(byPerson(decision, request));
    }
  }

  @Get(':subject/versions/:version')
  @RegistryRoute('read-contracts')
  async version(@Param('subject') subject: string, @Param('version') version: string) {
    return versionView(await this.registry.version(subject, version));
  }

  @Get(':subject/versions/:version/schema')
  @RegistryRoute('read-contracts')
  async schema(@Param('subject') subject: string, @Param('version') version: string) {
    return (await this.registry.version(subject, version)).schema;
  }

  @Post(':subject')
  @RegistryRoute('read-contracts')
  @HttpCode(200)
  async lookup(@Param('subject') subject: string, @Body() body: unknown) {
    const { schema, schemaType } = schemaRequest(body);
    return versionView(await this.registry.lookup(subject, schema, schemaType));
  }

  @Delete(':subject')
  @RegistryRoute('delete-contract')
  deleteSubject(@Param('subject') subject: string): Promise<number[]> {
    return this.registry.deleteSubject(subject);
  }

  @Delete(':subject/versions/:version')
  @RegistryRoute('delete-contract')
  deleteVersion(@Param('subject') subject: string, @Param('version') version: string): Promise<number> {
    return this.registry.deleteVersion(subject, version);
  }
}
