import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ContractRegistry, type StoredVersion } from '@hub/contract-registry';
import { schemaRequest } from './schema-request.js';

const versionView = (v: StoredVersion) => ({ subject: v.subject, version: v.version, id: v.id, schemaType: 'JSON', schema: v.schemaText });

/** Subjects and their versions, as in the Confluent Schema Registry API. */
@Controller('subjects')
export class SubjectsController {
  constructor(private readonly registry: ContractRegistry) {}

  @Get()
  subjects(): Promise<string[]> {
    return this.registry.subjects();
  }

  @Get(':subject/versions')
  versions(@Param('subject') subject: string): Promise<number[]> {
    return this.registry.versionNumbers(subject);
  }

  @Post(':subject/versions')
  @HttpCode(200)
  async register(@Param('subject') subject: string, @Body() body: unknown): Promise<{ id: number }> {
    const { schema, schemaType } = schemaRequest(body);
    return { id: (await this.registry.register(subject, schema, schemaType)).id };
  }

  @Get(':subject/versions/:version')
  async version(@Param('subject') subject: string, @Param('version') version: string) {
    return versionView(await this.registry.version(subject, version));
  }

  @Get(':subject/versions/:version/schema')
  async schema(@Param('subject') subject: string, @Param('version') version: string) {
    return (await this.registry.version(subject, version)).schema;
  }

  @Post(':subject')
  @HttpCode(200)
  async lookup(@Param('subject') subject: string, @Body() body: unknown) {
    const { schema, schemaType } = schemaRequest(body);
    return versionView(await this.registry.lookup(subject, schema, schemaType));
  }

  @Delete(':subject')
  deleteSubject(@Param('subject') subject: string): Promise<number[]> {
    return this.registry.deleteSubject(subject);
  }

  @Delete(':subject/versions/:version')
  deleteVersion(@Param('subject') subject: string, @Param('version') version: string): Promise<number> {
    return this.registry.deleteVersion(subject, version);
  }
}
