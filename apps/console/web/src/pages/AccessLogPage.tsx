import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import { api, ApiError, query } from '../api.js';
import type { AccessLogPage as Page } from '../api-types.js';
import { useT } from '../i18n.js';
import { StatusTag } from './StatusTag.js';

interface Filter {
  member?: string;
  user?: string;
  action?: string;
  allowed?: string;
  from?: string;
  to?: string;
}

type Row = Page['entries'][number];
const field = (row: Row, name: string) => (typeof row.entry[name] === 'string' ? row.entry[name] : '');

/** The access log from the audit store, newest first: who did what, allowed or refused. */
export function AccessLogPage() {
  const t = useT();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState<Page>();
  const [loading, setLoading] = useState(false);
  const load = useCallback(async () => {
    setLoading(true);
    try {
      setPage(await api<Page>('GET', `/api/audit/access-log${query({ ...filter, limit: '200' })}`));
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : String(error));
    } finally {
      setLoading(false);
    }
  }, [filter, message]);
  useEffect(() => void load(), [load]);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Form layout="inline" name="access-log-filters" onFinish={(values: Filter) => setFilter(Object.fromEntries(Object.entries(values).filter(([, value]) => value)))}>
        <Form.Item label={t('member')} name="member">
          <Input style={{ width: 150 }} />
        </Form.Item>
        <Form.Item label={t('user')} name="user">
          <Input style={{ width: 150 }} />
        </Form.Item>
        <Form.Item label={t('action')} name="action">
          <Input style={{ width: 170 }} placeholder="reveal-identity" />
        </Form.Item>
        <Form.Item label={t('allowed')} name="allowed">
          <Select
            style={{ width: 110 }}
            allowClear
            aria-label={t('allowed')}
            options={[
              { value: 'true', label: t('permitted') },
              { value: 'false', label: t('refused') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('from')} name="from">
          <Input style={{ width: 200 }} placeholder="2026-12-01T00:00:00+08:00" />
        </Form.Item>
        <Form.Item label={t('to')} name="to">
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('search')}
        </Button>
      </Form>
      {page?.truncated && <Alert type="warning" showIcon title={t('truncated')} />}
      <Table<Row>
        rowKey={(row) => `${row.partition}@${row.offset}`}
        loading={loading}
        dataSource={page?.entries ?? []}
        size="small"
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t('time'), dataIndex: 'at' },
          { title: t('member'), render: (_, row) => field(row, 'member') },
          { title: t('user'), render: (_, row) => field(row, 'user') || '—' },
          { title: t('action'), render: (_, row) => field(row, 'action') },
          { title: t('resource'), render: (_, row) => <Typography.Text ellipsis={{ tooltip: field(row, 'resource') }}>{field(row, 'resource')}</Typography.Text> },
          { title: t('allowed'), render: (_, row) => (row.entry['allowed'] === true ? <StatusTag tone="green">{t('permitted')}</StatusTag> : <StatusTag tone="red">{t('refused')}</StatusTag>) },
          { title: t('reason'), render: (_, row) => field(row, 'reason') },
          { title: t('purpose'), render: (_, row) => field(row, 'purpose') },
        ]}
      />
      {page && (
        <Typography.Text>
          {t('scanned')}: {page.scanned}
        </Typography.Text>
      )}
    </Space>
  );
}
