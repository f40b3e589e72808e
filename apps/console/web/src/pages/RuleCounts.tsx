import { Typography } from 'antd';
import type { Finding } from '../api-types.js';

/** The findings of the view counted by rule, as bars (plain elements: a chart library would be most of the bundle for this). */
export function RuleCounts({ findings }: { findings: readonly Finding[] }) {
  const counts = [...findings.reduce((byRule, finding) => byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1]);
  const most = Math.max(1, ...counts.map(([, count]) => count));
  return (
    <div role="list">
      {counts.map(([rule, count]) => (
        <div role="listitem" key={rule} style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 4 }}>
          <Typography.Text style={{ width: 240 }}>{rule}</Typography.Text>
          <div aria-hidden style={{ height: 14, width: `${(count / most) * 60}%`, background: '#0b57d0', borderRadius: 2 }} />
          <Typography.Text>{count}</Typography.Text>
        </div>
      ))}
    </div>
  );
}
