import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { api } from '../api.js';
import type { DeadLetterEntry, RejectionTally } from '../api-types.js';
import { useT } from '../i18n.js';
import { useLoaded } from './useLoaded.js';

const readBoth = () => Promise.all([api<RejectionTally[]>('GET', '/api/operations/rejections'), api<DeadLetterEntry[]>('GET', '/api/operations/dead-letters?days=7')]);

/**
 * What the hub could not take: the rejected records per member and type (counts; a member lists
 * and replays its own), and the dead letters of the last week (where from and why; never the value).
 */
export function RejectionsAndDeadLetters() {
  const t = useT();
  const {
    value: [tally, letters],
    loading,
    reload,
  } = useLoaded(readBoth, [[], []] as [RejectionTally[], DeadLetterEntry[]]);
  return (
    <>
      <Card title={t('rejectionsByMember')} size="small" extra={<Button onClick={reload}>{t('refresh')}</Button>}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="info" title={t('replayIsTheMembers')} description={<Typography.Text code>GET /v1/rejections · POST /v1/rejections/{'{id}'}/replay</Typography.Text>} />
          <Table<RejectionTally>
            rowKey={(row) => `${row.member}/${row.eventType}`}
            loading={loading}
            dataSource={tally}
            pagination={{ pageSize: 20 }}
            size="small"
            locale={{ emptyText: t('noRejections') }}
            columns={[
              { title: t('member'), dataIndex: 'member' },
              { title: t('eventType'), dataIndex: 'eventType', render: (type: string) => type || '—' },
              { title: t('rejected'), dataIndex: 'rejected' },
              { title: t('awaitingReplay'), dataIndex: 'awaitingReplay' },
              { title: t('latest'), dataIndex: 'latest' },
            ]}
          />
        </Space>
      </Card>
      <Card title={t('deadLetters')} size="small">
        <Table<DeadLetterEntry>
          rowKey={(row) => `${row.partition}/${row.offset}`}
          loading={loading}
          dataSource={letters}
          pagination={{ pageSize: 20 }}
          size="small"
          locale={{ emptyText: t('noDeadLetters') }}
          columns={[
            { title: t('failedAt'), dataIndex: 'failedAt' },
            { title: t('group'), dataIndex: 'consumerGroup' },
            { title: t('source'), render: (_, row) => `${row.sourceTopic} [${row.sourcePartition ?? '?'}] @${row.sourceOffset}` },
            { title: t('attempts'), dataIndex: 'attempts' },
            { title: t('why'), render: (_, row) => `${row.errorCode}: ${row.errorMessage}` },
          ]}
        />
      </Card>
    </>
  );
}
