import { useCallback, useEffect, useState } from 'react';
import { App, Button, Space, Table, Typography } from 'antd';
import { api, ApiError } from '../api.js';
import type { ServiceHealth } from '../api-types.js';
import { useT } from '../i18n.js';
import { StatusTag } from './StatusTag.js';

const TONES = { up: 'green', down: 'red', unreachable: 'orange' } as const;

/** The hub's services and their health, as each one's /health answers. */
export function OperationsPage() {
  const t = useT();
  const { message } = App.useApp();
  const [services, setServices] = useState<ServiceHealth[]>([]);
  const [loading, setLoading] = useState(false);
  const load = useCallback(async () => {
    setLoading(true);
    try {
      setServices(await api<ServiceHealth[]>('GET', '/api/operations/services'));
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : String(error));
    } finally {
      setLoading(false);
    }
  }, [message]);
  useEffect(() => void load(), [load]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button onClick={() => void load()}>{t('refresh')}</Button>
      <Table<ServiceHealth>
        rowKey="service"
        loading={loading}
        dataSource={services}
        pagination={false}
        columns={[
          { title: t('service'), dataIndex: 'service' },
          { title: 'URL', dataIndex: 'url' },
          { title: t('status'), dataIndex: 'status', render: (status: ServiceHealth['status']) => <StatusTag tone={TONES[status]}>{t(status)}</StatusTag> },
          { title: t('details'), dataIndex: 'detail', render: (detail: unknown) => <Typography.Text code>{JSON.stringify(detail).slice(0, 200)}</Typography.Text> },
        ]}
      />
    </Space>
  );
}
