import { Typography } from 'antd';

/** Counts as bars, most first (plain elements: a chart library would be most of the bundle for this). */
export function CountBars<T>({ items, by, label = String }: { items: readonly T[]; by: (item: T) => string; label?: (key: string) => string }) {
  const counts = [...items.reduce((tally, item) => tally.set(by(item), (tally.get(by(item)) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const most = Math.max(1, ...counts.map(([, count]) => count));
  return (
    <div role="list">
      {counts.map(([key, count]) => (
        <div role="listitem" key={key} style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 4 }}>
          <Typography.Text style={{ width: 240 }}>{label(key)}</Typography.Text>
          <div aria-hidden style={{ height: 14, width: `${(count / most) * 60}%`, background: '#0b57d0', borderRadius: 2 }} />
          <Typography.Text>{count}</Typography.Text>
        </div>
      ))}
    </div>
  );
}
