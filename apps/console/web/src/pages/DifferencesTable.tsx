import { Table } from 'antd';
import type { SchemaDifference } from '../api-types.js';
import { useT } from '../i18n.js';

/** The differences between two versions of a contract, field by field: what a candidate check and a version diff both show. */
export function DifferencesTable({ differences, empty }: { differences: readonly SchemaDifference[]; empty?: string }) {
  const t = useT();
  return (
    <Table<SchemaDifference>
      rowKey={(row) => `${row.pointer}${row.kind}`}
      size="small"
      pagination={false}
      title={() => t('differences')}
      locale={empty ? { emptyText: empty } : {}}
      dataSource={[...differences]}
      columns={[
        { title: t('field'), dataIndex: 'pointer' },
        { title: t('details'), dataIndex: 'detail' },
        { title: t('effect'), dataIndex: 'effect' },
      ]}
    />
  );
}
