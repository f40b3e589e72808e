import { Card, Table, Typography } from 'antd';
import { api } from '../api.js';
import type { BulkLoad } from '../api-types.js';
import { useT } from '../i18n.js';
import { StatusTag } from './StatusTag.js';
import { useLoaded } from './useLoaded.js';

const readLoads = () => api<BulkLoad[]>('GET', '/api/operations/bulk-loads');

/** Where a load is: still loading, closed and awaiting the crosscheck, judged, or given up (held as long as it may). */
function loadState(load: BulkLoad): { key: 'loading' | 'awaitingJudgement' | 'judged' | 'givenUp'; tone: 'blue' | 'orange' | 'green' | 'red' } {
  if (!load.closedAt) return load.judgedAt ? { key: 'givenUp', tone: 'red' } : { key: 'loading', tone: 'blue' };
  if (!load.judgedAt) return { key: 'awaitingJudgement', tone: 'orange' };
  return load.givenUp ? { key: 'givenUp', tone: 'red' } : { key: 'judged', tone: 'green' };
}

/** The members' latest bulk loads, newest first: an open or unjudged one holds the hub's new findings back. */
export function BulkLoadsCard() {
  const t = useT();
  const { value: loads, loading } = useLoaded(readLoads, [] as BulkLoad[]);
  return (
    <Card title={t('bulkLoads')} size="small">
      <Table<BulkLoad>
        rowKey="loadId"
        loading={loading}
        dataSource={loads}
        pagination={{ pageSize: 20 }}
        size="small"
        locale={{ emptyText: t('noBulkLoads') }}
        columns={[
          { title: t('member'), dataIndex: 'member' },
          { title: t('loadId'), dataIndex: 'loadId', render: (id: string) => <Typography.Text code>{id.slice(0, 8)}</Typography.Text> },
          { title: t('status'), render: (_, load) => <StatusTag tone={loadState(load).tone}>{t(loadState(load).key)}</StatusTag> },
          { title: t('openedAt'), dataIndex: 'openedAt' },
          { title: t('closedAt'), render: (_, load) => (load.closedAt ? `${load.closedAt}${load.closedIdle ? `（${t('closedIdle')}）` : ''}` : '—') },
          { title: t('judgedAt'), dataIndex: 'judgedAt', render: (at?: string) => at ?? '—' },
        ]}
      />
    </Card>
  );
}
