import { useCallback, useEffect, useState } from 'react';
import { App, Button, Space, Table } from 'antd';
import { api, ApiError, query } from '../api.js';
import type { Finding, Page, Session } from '../api-types.js';
import { useT } from '../i18n.js';
import { StatusTag } from './StatusTag.js';
import { FindingDetail } from './FindingsInboxPage.js';
import { FindingFilters, type FindingFilter } from './FindingFilters.js';
import { LineageDrawer } from './LineageDrawer.js';

type RoutedFinding = Finding & { routedTo: string };

/** The audit office's search across every member's findings (read only; each search is in the access log). */
export function AuditSearchPage({ session }: { session: Session }) {
  const t = useT();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<FindingFilter>({});
  const [findings, setFindings] = useState<RoutedFinding[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [traced, setTraced] = useState<string>();
  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      try {
        const page = await api<Page<RoutedFinding>>('GET', `/api/findings/all${query({ ...filter, after, limit: '200' })}`);
        setFindings((current) => (after ? [...current, ...page.items] : page.items));
        setNext(page.nextCursor);
      } catch (error) {
        void message.error(error instanceof ApiError ? error.message : String(error));
      } finally {
        setLoading(false);
      }
    },
    [filter, message],
  );
  useEffect(() => void load(), [load]);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <FindingFilters filter={filter} onChange={setFilter} byMember />
      <Table<RoutedFinding>
        rowKey={(finding) => `${finding.routedTo}/${finding.findingId}`}
        loading={loading}
        dataSource={findings}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: t('noFindings') }}
        expandable={{ expandedRowRender: (finding) => <FindingDetail finding={finding} /> }}
        columns={[
          { title: t('member'), dataIndex: 'routedTo' },
          { title: t('rule'), dataIndex: 'rule' },
          { title: t('period'), dataIndex: 'period' },
          { title: t('state'), dataIndex: 'state', render: (state: Finding['state']) => <StatusTag tone={state === 'open' ? 'red' : 'green'}>{t(state)}</StatusTag> },
          { title: t('explanation'), dataIndex: 'explanation', ellipsis: true },
          { title: t('lastResponse'), render: (_, finding) => finding.responses.at(-1)?.response ?? '—' },
          ...(session.permissions.includes('read-lineage')
            ? [
                {
                  title: t('actions'),
                  render: (_: unknown, finding: RoutedFinding) => (
                    <Button size="small" onClick={() => setTraced(finding.findingId)}>
                      {t('lineage')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <LineageDrawer findingId={traced} onClose={() => setTraced(undefined)} />
      {next && <Button onClick={() => void load(next)}>{t('loadMore')}</Button>}
    </Space>
  );
}
