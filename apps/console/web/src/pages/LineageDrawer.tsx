import { useEffect, useState } from 'react';
import { Alert, Drawer, Spin, Timeline, Typography } from 'antd';
import { api, ApiError } from '../api.js';
import type { Lineage } from '../api-types.js';
import { useT } from '../i18n.js';

const COLOURS = { evidence: 'blue', 'finding-change': 'red', response: 'green', access: 'gray' } as const;

/** A finding's lineage from the audit store, as a timeline: each step with where the broker has it (topic, partition, offset). */
export function LineageDrawer({ findingId, onClose }: { findingId: string | undefined; onClose: () => void }) {
  const t = useT();
  const [lineage, setLineage] = useState<Lineage>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    setLineage(undefined);
    setError(undefined);
    if (findingId) api<Lineage>('GET', `/api/audit/findings/${findingId}/lineage`).then(setLineage, (failure: unknown) => setError(failure instanceof ApiError ? failure.message : String(failure)));
  }, [findingId]);
  return (
    <Drawer title={t('lineageOf')} open={findingId !== undefined} onClose={onClose} size="large">
      <Typography.Paragraph copyable>{findingId}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      {!lineage && !error && <Spin />}
      {lineage && lineage.steps.length === 0 && <Alert type="info" showIcon title={t('lineageEmpty')} />}
      {lineage && (
        <Timeline
          items={lineage.steps.map((step) => ({
            key: `${step.topic}/${step.partition}@${step.offset}`,
            color: COLOURS[step.kind],
            children: (
              <div data-testid="lineage-step">
                <Typography.Text strong>
                  {step.at} · {step.kind} · {step.by}
                </Typography.Text>
                <br />
                {step.what}
                <br />
                <Typography.Text code>
                  {step.topic}/{step.partition}@{step.offset}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      )}
      {lineage && lineage.missingEvidence.length > 0 && (
        <Alert type="warning" showIcon title={t('missingEvidence')} description={lineage.missingEvidence.map((missing) => `${missing.source} ${missing.eventId}`).join('; ')} />
      )}
    </Drawer>
  );
}
