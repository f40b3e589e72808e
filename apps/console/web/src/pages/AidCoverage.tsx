import { useEffect, useState } from 'react';
import { Alert, App, Card, Table, Typography } from 'antd';
import { api, ApiError, query } from '../api.js';
import type { Finding, Page } from '../api-types.js';
import { useT } from '../i18n.js';
import { countyLabel } from '../ningxia-counties.js';

/** The most missed-aid findings the table reads (a few pages of 200): a province's year of them at county level, with room. */
const MOST = 10_000;

interface CountyRow {
  county: string;
  months: Record<string, { closed: number; all: number }>;
}

/** Every missed-aid finding of the user's member, open and closed (in one county, if asked), up to MOST. */
function useMissedAid(county: string | undefined): { missed: Finding[]; truncated: boolean } {
  const { message } = App.useApp();
  const [state, setState] = useState<{ missed: Finding[]; truncated: boolean }>({ missed: [], truncated: false });
  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      const missed: Finding[] = [];
      let after: string | undefined;
      do {
        const page = await api<Page<Finding>>('GET', `/api/findings${query({ rule: 'missed-student-aid', county, after, limit: '200' })}`);
        missed.push(...page.items);
        after = page.nextCursor ?? undefined;
      } while (after && missed.length < MOST && !cancelled);
      if (!cancelled) setState({ missed, truncated: after !== undefined });
    };
    load().catch((error: unknown) => void message.error(error instanceof ApiError ? error.message : String(error)));
    return () => {
      cancelled = true;
    };
  }, [county, message]);
  return state;
}

/**
 * 应助尽助 by county and month, as far as the findings tell it: of the missed-aid findings (漏助)
 * last changed in a month, open and closed, how many are closed — the aid granted, or the cause
 * gone. The hub does not see the students who were aided without a finding, so this is the
 * correction of what was missed, not the share of all eligible students. Nothing is shown to a
 * member that has no missed-aid finding.
 */
export function AidCoverage({ county }: { county: string | undefined }) {
  const t = useT();
  const { missed, truncated } = useMissedAid(county);
  if (missed.length === 0) return null;
  const months = [...new Set(missed.map((finding) => finding.occurredAt.slice(0, 7)))].sort();
  const rows = new Map<string, CountyRow>();
  for (const finding of missed) {
    const county = finding.county ?? '';
    const row = rows.get(county) ?? { county, months: {} };
    const month = (row.months[finding.occurredAt.slice(0, 7)] ??= { closed: 0, all: 0 });
    month.all++;
    if (finding.state === 'closed') month.closed++;
    rows.set(county, row);
  }
  return (
    <Card title={t('aidCoverage')} size="small">
      {truncated && <Alert type="warning" title={t('aidCoverageTruncated')} />}
      <Table<CountyRow>
        rowKey="county"
        size="small"
        pagination={false}
        locale={{ emptyText: t('noMissedAid') }}
        dataSource={[...rows.values()].sort((a, b) => a.county.localeCompare(b.county))}
        scroll={{ x: true }}
        columns={[
          { title: t('county'), dataIndex: 'county', render: (county: string) => countyLabel(county || undefined) },
          ...months.map((month) => ({
            title: month,
            key: month,
            render: (_: unknown, row: CountyRow) => {
              const cell = row.months[month];
              if (!cell) return '—';
              const share = cell.closed / cell.all;
              return (
                <div style={{ minWidth: 90 }}>
                  <Typography.Text>
                    {cell.closed}/{cell.all} ({Math.round(share * 100)}%)
                  </Typography.Text>
                  <div aria-hidden style={{ height: 6, width: `${share * 100}%`, background: '#137333', borderRadius: 2 }} />
                </div>
              );
            },
          })),
        ]}
      />
    </Card>
  );
}
