import type { DataSource } from 'typeorm';
import type { CsvMapping } from '@hub/ingest';
import type { CsvMappingRepository } from './csv-mapping.repository.js';

const UPSERT = `
  INSERT INTO gateway_csv_mapping (member_id, event_type, mapping) VALUES ($1, $2, $3)
  ON CONFLICT (member_id, event_type) DO UPDATE SET mapping = EXCLUDED.mapping, updated_at = now()`;
const ONE = 'SELECT mapping FROM gateway_csv_mapping WHERE member_id = $1 AND event_type = $2';
const ALL_OF_MEMBER = 'SELECT event_type, mapping FROM gateway_csv_mapping WHERE member_id = $1 ORDER BY event_type';

/** The members' CSV mappings in the hub's PostgreSQL. */
export class PostgresCsvMappingRepository implements CsvMappingRepository {
  constructor(private readonly dataSource: DataSource) {}

  async put(member: string, eventType: string, mapping: CsvMapping): Promise<void> {
    await this.dataSource.query(UPSERT, [member, eventType, JSON.stringify(mapping)]);
  }

  async get(member: string, eventType: string): Promise<CsvMapping | undefined> {
    const rows: { mapping: CsvMapping }[] = await this.dataSource.query(ONE, [member, eventType]);
    return rows[0]?.mapping;
  }

  async list(member: string): Promise<{ eventType: string; mapping: CsvMapping }[]> {
    const rows: { event_type: string; mapping: CsvMapping }[] = await this.dataSource.query(ALL_OF_MEMBER, [member]);
    return rows.map((row) => ({ eventType: row.event_type, mapping: row.mapping }));
  }
}
