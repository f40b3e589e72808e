import type { CsvMapping } from '@hub/ingest';

/** Each member's declared CSV mappings, one per event type: the port the CSV endpoints use; `PostgresCsvMappingRepository` keeps them. */
export interface CsvMappingRepository {
  put(member: string, eventType: string, mapping: CsvMapping): Promise<void>;
  get(member: string, eventType: string): Promise<CsvMapping | undefined>;
  list(member: string): Promise<{ eventType: string; mapping: CsvMapping }[]>;
}

export const CSV_MAPPING_REPOSITORY = Symbol('CsvMappingRepository');
