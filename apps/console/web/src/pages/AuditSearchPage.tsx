import { useState } from 'react';
import { Button, Space, Table } from 'antd';
import type { Finding, Session } from '../api-types.js';
import { useT } from '../i18n.js';
import { StatusTag } from './StatusTag.js';
import { FindingDetail } from './FindingsInboxPage.js';
import { FindingFilters, type FindingFilter } from './FindingFilters.js';
import { LineageDrawer } from './LineageDrawer.js';
import { useFindingPages, type ListedFinding } from './useFindingPages.js';

/** The audit office's search across every member's findings (read only; each search is in the access log). */
export function AuditSearchPage({ session }: { session: Session }) {
  const t = useT();
  const [filter, setFilter] = useState<FindingFilter>({});
  const [traced, setTraced] = useState<string>();
  const { findings, next, loading, load } = useFindingPages('/api/findings/all', filter);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <FindingFilters filter={filter} onChange={setFilter} byMember />
      <Table<ListedFinding>
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
                  render: (_: unknown, finding: ListedFinding) => (
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
