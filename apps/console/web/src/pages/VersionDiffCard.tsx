import { useEffect, useState } from 'react';
import { Alert, Card, Form, Select, Space } from 'antd';
import { api, ApiError } from '../api.js';
import type { VersionDiff } from '../api-types.js';
import { useT } from '../i18n.js';
import { DifferencesTable } from './DifferencesTable.js';

/** What changed from one version of a contract to another, field by field: by default the latest against the one before it. */
export function VersionDiffCard({ subject, versions }: { subject: string; versions: readonly number[] }) {
  const t = useT();
  const [range, setRange] = useState<{ from: number; to: number }>();
  const [diff, setDiff] = useState<VersionDiff>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    setRange(versions.length > 1 ? { from: versions.at(-2)!, to: versions.at(-1)! } : undefined);
  }, [subject, versions]);
  useEffect(() => {
    setDiff(undefined);
    setError(undefined);
    if (!range) return;
    api<VersionDiff>('GET', `/api/catalogue/${encodeURIComponent(subject)}/diff?from=${range.from}&to=${range.to}`).then(setDiff, (failure: unknown) =>
      setError(failure instanceof ApiError ? failure.message : String(failure)),
    );
  }, [subject, range]);
  const options = versions.map((version) => ({ value: version, label: `v${version}` }));
  return (
    <Card title={t('versionDiff')} size="small">
      {!range ? (
        <Alert type="info" title={t('onlyOneVersion')} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Form layout="inline" name="version-diff">
            <Form.Item label={t('fromVersion')}>
              <Select aria-label={t('fromVersion')} style={{ width: 100 }} value={range.from} options={options} onChange={(from: number) => setRange({ ...range, from })} />
            </Form.Item>
            <Form.Item label={t('toVersion')}>
              <Select aria-label={t('toVersion')} style={{ width: 100 }} value={range.to} options={options} onChange={(to: number) => setRange({ ...range, to })} />
            </Form.Item>
          </Form>
          {error && <Alert type="error" showIcon title={error} role="alert" />}
          {diff && <DifferencesTable differences={diff.differences} empty={t('noVersionDifferences')} />}
        </Space>
      )}
    </Card>
  );
}
