import { useState } from 'react';
import { Alert, Button, Descriptions, Progress, Space, Table, Typography } from 'antd';
import { ApiError } from '../api.js';
import type { VerificationVerdict } from '../api-types.js';
import { useT } from '../i18n.js';
import { readNdjson } from '../ndjson.js';

interface Line {
  progress?: { entriesDone: number; entriesTotal: number };
  verdict?: VerificationVerdict;
  error?: string;
}

/** Verify the audit store: the server streams its progress (NDJSON lines) while it walks the chains, then the verdict. */
export function VerifyPage() {
  const t = useT();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<{ entriesDone: number; entriesTotal: number }>();
  const [verdict, setVerdict] = useState<VerificationVerdict>();
  const [error, setError] = useState<string>();
  const run = async () => {
    setRunning(true);
    setProgress(undefined);
    setVerdict(undefined);
    setError(undefined);
    try {
      await readNdjson(await fetch('/api/audit/verify', { credentials: 'same-origin' }), (line: Line) => {
        if (line.progress) setProgress(line.progress);
        if (line.verdict) setVerdict(line.verdict);
        if (line.error) setError(line.error);
      });
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setRunning(false);
    }
  };
  const percent = progress && progress.entriesTotal > 0 ? Math.floor((progress.entriesDone / progress.entriesTotal) * 100) : 0;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Paragraph>{t('verifyHint')}</Typography.Paragraph>
      <Button type="primary" onClick={() => void run()} loading={running}>
        {t('verifyStart')}
      </Button>
      {(running || progress) && (
        <div>
          <Progress percent={verdict ? 100 : percent} aria-label={t('verify')} />
          {progress && (
            <Typography.Text>
              {progress.entriesDone.toLocaleString()} / {progress.entriesTotal.toLocaleString()} {t('entries')}
            </Typography.Text>
          )}
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      {verdict && (
        <>
          <Alert type={verdict.breaks.length === 0 ? 'success' : 'error'} showIcon title={verdict.breaks.length === 0 ? t('intact') : t('broken')} role="status" />
          <Descriptions size="small" bordered column={4}>
            <Descriptions.Item label={t('chains')}>{verdict.chains}</Descriptions.Item>
            <Descriptions.Item label={t('entries')}>{verdict.entries}</Descriptions.Item>
            <Descriptions.Item label={t('checkpoints')}>{verdict.checkpoints}</Descriptions.Item>
            <Descriptions.Item label={t('unsealed')}>{verdict.unsealedEntries}</Descriptions.Item>
          </Descriptions>
          {verdict.breaks.length > 0 && (
            <Table
              rowKey={(row) => `${row.topic}/${row.partition}`}
              size="small"
              pagination={false}
              dataSource={verdict.breaks}
              columns={[
                { title: t('topic'), render: (_, row) => `${row.topic}/${row.partition}@${row.offset}` },
                { title: t('details'), dataIndex: 'message' },
              ]}
            />
          )}
        </>
      )}
    </Space>
  );
}
