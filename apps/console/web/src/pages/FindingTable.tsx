import { Table, type TableColumnsType } from 'antd';
import { useT } from '../i18n.js';
import { countyLabel } from '../ningxia-counties.js';
import { FindingDetail } from './FindingDetail.js';
import { StatusTag } from './StatusTag.js';
import type { ListedFinding } from './useFindingPages.js';

interface Props {
  findings: ListedFinding[];
  loading: boolean;
  rowKey: (finding: ListedFinding) => string;
  /** Columns before the finding's own (the auditor's: the member it is routed to). */
  leading?: TableColumnsType<ListedFinding>;
  /** Columns after them (the actions the role may take). */
  trailing?: TableColumnsType<ListedFinding>;
}

/** A list of findings: rule, period, aid item, state, explanation and last response, each row opening to its detail. */
export function FindingTable({ findings, loading, rowKey, leading = [], trailing = [] }: Props) {
  const t = useT();
  return (
    <Table<ListedFinding>
      rowKey={rowKey}
      loading={loading}
      dataSource={findings}
      pagination={{ pageSize: 20 }}
      locale={{ emptyText: t('noFindings') }}
      expandable={{ expandedRowRender: (finding) => <FindingDetail finding={finding} /> }}
      columns={[
        ...leading,
        { title: t('rule'), dataIndex: 'rule' },
        { title: t('period'), dataIndex: 'period' },
        { title: t('county'), dataIndex: 'county', render: (county: string | undefined) => countyLabel(county) },
        { title: t('item'), dataIndex: 'item' },
        { title: t('state'), dataIndex: 'state', render: (state: ListedFinding['state']) => <StatusTag tone={state === 'open' ? 'red' : 'green'}>{t(state)}</StatusTag> },
        { title: t('explanation'), dataIndex: 'explanation', ellipsis: true },
        { title: t('lastResponse'), render: (_, finding) => finding.responses.at(-1)?.response ?? '—' },
        ...trailing,
      ]}
    />
  );
}
