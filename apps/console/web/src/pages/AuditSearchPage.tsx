import { useState } from 'react';
import { Button, Space } from 'antd';
import type { Session } from '../api-types.js';
import { useT } from '../i18n.js';
import { FindingFilters, type FindingFilter } from './FindingFilters.js';
import { FindingTable } from './FindingTable.js';
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
      <FindingTable
        findings={findings}
        loading={loading}
        rowKey={(finding) => `${finding.routedTo}/${finding.findingId}`}
        leading={[{ title: t('member'), dataIndex: 'routedTo' }]}
        trailing={
          session.permissions.includes('read-lineage')
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
            : []
        }
      />
      <LineageDrawer findingId={traced} onClose={() => setTraced(undefined)} />
      {next && <Button onClick={() => void load(next)}>{t('loadMore')}</Button>}
    </Space>
  );
}
