/** One sample of a series as the Prometheus text format gives it: its labels and value. */
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
const unescape = (value: string) => value.replace(/\\(["\\n])/g, (_, char: string) => (char === 'n' ? '\n' : char));

/**
 * The samples of one series in a scrape (Prometheus text exposition format 0.0.4): what another
 * service reads of a hub service's /metrics (the console's consumer lag) without a Prometheus.
 * Comments, other series and samples that do not parse are passed over.
 */
export function samplesOf(text: string, series: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${series}{`) && !line.startsWith(`${series} `)) continue;
    const close = line.lastIndexOf('}');
    const labelText = line.startsWith(`${series}{`) ? line.slice(series.length + 1, close) : '';
    const value = Number(
      line
        .slice(close >= 0 ? close + 1 : series.length)
        .trim()
        .split(/\s+/)[0],
    );
    if (Number.isNaN(value)) continue;
    const labels: Record<string, string> = {};
    for (const [, name, raw] of labelText.matchAll(LABEL)) labels[name] = unescape(raw);
    samples.push({ labels, value });
  }
  return samples;
}
