import { Button, Card, Space, Table, Typography } from 'antd';
import { api } from '../api.js';
import type { ConsumerLag, MemberWithKeys, ServiceHealth } from '../api-types.js';
import { useT } from '../i18n.js';
import { BulkLoadsCard } from './BulkLoadsCard.js';
import { RejectionsAndDeadLetters } from './RejectionsAndDeadLetters.js';
import { StatusTag } from './StatusTag.js';
import { useLoaded } from './useLoaded.js';

const TONES = { up: 'green', down: 'red', unreachable: 'orange' } as const;

const readAll = () =>
  Promise.all([api<ServiceHealth[]>('GET', '/api/operations/services'), api<ConsumerLag[]>('GET', '/api/operations/consumer-lag'), api<MemberWithKeys[]>('GET', '/api/operations/members')]);

/** The hub's services and their health, each consumer group's lag, the members' bulk loads, what the hub could not take (rejections, dead letters), and the members with their API keys. */
export function OperationsPage() {
  const t = useT();
  const {
    value: [services, lag, members],
    loading,
    reload,
  } = useLoaded(readAll, [[], [], []] as [ServiceHealth[], ConsumerLag[], MemberWithKeys[]]);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Button onClick={reload}>{t('refresh')}</Button>
      <Card title={t('services')} size="small">
        <Table<ServiceHealth>
          rowKey="service"
          loading={loading}
          dataSource={services}
          pagination={false}
          size="small"
          columns={[
            { title: t('service'), dataIndex: 'service' },
            { title: 'URL', dataIndex: 'url' },
            { title: t('status'), dataIndex: 'status', render: (status: ServiceHealth['status']) => <StatusTag tone={TONES[status]}>{t(status)}</StatusTag> },
            { title: t('details'), dataIndex: 'detail', render: (detail: unknown) => <Typography.Text code>{JSON.stringify(detail).slice(0, 200)}</Typography.Text> },
          ]}
        />
      </Card>
      <Card title={t('consumerLag')} size="small">
        <Table<ConsumerLag>
          rowKey={(row) => `${row.service}/${row.group}/${row.topic}/${row.partition}`}
          loading={loading}
          dataSource={lag}
          pagination={{ pageSize: 20 }}
          size="small"
          columns={[
            { title: t('service'), dataIndex: 'service' },
            { title: t('group'), dataIndex: 'group' },
            { title: t('topic'), dataIndex: 'topic' },
            { title: t('partition'), dataIndex: 'partition' },
            { title: t('lag'), dataIndex: 'lag' },
          ]}
        />
      </Card>
      <BulkLoadsCard />
      <RejectionsAndDeadLetters />
      <Card title={t('membersAndKeys')} size="small">
        <Table<MemberWithKeys>
          rowKey="id"
          loading={loading}
          dataSource={members}
          pagination={false}
          size="small"
          columns={[
            { title: t('member'), dataIndex: 'id' },
            { title: t('memberName'), dataIndex: 'displayName' },
            { title: t('role'), dataIndex: 'role' },
            {
              title: t('keys'),
              render: (_, member) =>
                member.keys.map((key) => (
                  <div key={key.keyId}>
                    <Typography.Text code>{key.keyId}</Typography.Text> · {key.createdAt.slice(0, 10)} · {key.expiresAt?.slice(0, 10) ?? '—'} ·{' '}
                    {key.revokedAt ? <StatusTag tone="red">{key.revokedAt.slice(0, 10)}</StatusTag> : '—'}
                  </div>
                )),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
