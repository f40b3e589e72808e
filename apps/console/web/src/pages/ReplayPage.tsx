import { useState } from 'react';
import { Alert, Button, Checkbox, Descriptions, Form, Input, Progress, Space, Table, Tabs, Typography } from 'antd';
import { api, ApiError, csrfHeader } from '../api.js';
import type { ReplayReport } from '../api-types.js';
import { useT } from '../i18n.js';
import { readNdjson } from '../ndjson.js';
import { PolicyFields, type Json } from './PolicyFields.js';

interface Line {
  progress?: { phase: string; done: number; total?: number };
  report?: ReplayReport;
  error?: string;
}

interface Request {
  asOf: string;
  evaluationDate?: string;
  policy: string;
  edited: boolean;
}

/** The policy text as an object to edit field by field, when it is a JSON object. */
function parsedPolicy(text: unknown): Record<string, Json> | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  try {
    const value = JSON.parse(text) as Json;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch (notJson) {
    // Being typed in the JSON tab: the form waits until the text is an object again.
    if (!(notJson instanceof SyntaxError)) throw notJson;
    return undefined;
  }
}

/** Replay as of a moment, under the live policy or an edited one; the progress streams, then the differences with their reasons. */
export function ReplayPage() {
  const t = useT();
  const [form] = Form.useForm<Request>();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Line['progress']>();
  const [report, setReport] = useState<ReplayReport>();
  const [error, setError] = useState<string>();
  const policyText = Form.useWatch('policy', form);
  const editable = parsedPolicy(policyText);
  const loadPolicy = async () => {
    form.setFieldValue('policy', JSON.stringify(await api<unknown>('GET', '/api/audit/policy'), null, 2));
  };
  const run = async ({ asOf, evaluationDate, policy, edited }: Request) => {
    setRunning(true);
    setProgress(undefined);
    setReport(undefined);
    setError(undefined);
    try {
      let document: unknown;
      if (edited) {
        try {
          document = JSON.parse(policy) as unknown;
        } catch (failure) {
          setError(`策略不是有效的 JSON (the policy is not JSON): ${String(failure)}`);
          return;
        }
      }
      const response = await fetch('/api/audit/replay', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', ...csrfHeader() },
        body: JSON.stringify({ asOf: new Date(asOf).toISOString(), ...(evaluationDate ? { evaluationDate } : {}), ...(edited ? { policy: document } : {}) }),
      });
      await readNdjson(response, (line: Line) => {
        if (line.progress) setProgress(line.progress);
        if (line.report) setReport(line.report);
        if (line.error) setError(line.error);
      });
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setRunning(false);
    }
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Paragraph>{t('replayHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="replay" initialValues={{ asOf: new Date().toISOString(), edited: false }} onFinish={(values) => void run(values)}>
        <Space wrap>
          <Form.Item label={t('asOf')} name="asOf" rules={[{ required: true }]}>
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item label={t('evaluationDate')} name="evaluationDate">
            <Input style={{ width: 160 }} placeholder="2026-11-30" />
          </Form.Item>
        </Space>
        <Tabs
          items={[
            {
              key: 'form',
              label: t('policyByField'),
              children: editable ? (
                <PolicyFields policy={editable} onChange={(policy) => form.setFieldsValue({ policy: JSON.stringify(policy, null, 2), edited: true })} />
              ) : (
                <Typography.Text type="secondary">{t('loadPolicyFirst')}</Typography.Text>
              ),
            },
            {
              key: 'json',
              label: 'JSON',
              forceRender: true,
              children: (
                <Form.Item label={t('policyDocument')} name="policy">
                  <Input.TextArea rows={8} spellCheck={false} style={{ fontFamily: 'monospace' }} />
                </Form.Item>
              ),
            },
          ]}
        />
        <Space>
          <Button onClick={() => void loadPolicy()}>{t('loadLivePolicy')}</Button>
          <Form.Item name="edited" valuePropName="checked" noStyle>
            <Checkbox>{t('useEditedPolicy')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={running}>
            {t('runReplay')}
          </Button>
        </Space>
      </Form>
      {progress && (
        <div>
          <Progress percent={progress.total ? Math.floor((progress.done / progress.total) * 100) : 0} aria-label={t('replay')} />
          <Typography.Text>
            {progress.phase}: {progress.done.toLocaleString()}
            {progress.total ? ` / ${progress.total.toLocaleString()}` : ''}
          </Typography.Text>
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      {report && (
        <>
          <Descriptions size="small" bordered column={3}>
            <Descriptions.Item label={t('asOf')}>{report.asOf}</Descriptions.Item>
            <Descriptions.Item label={t('evaluationDate')}>{report.evaluationDate}</Descriptions.Item>
            <Descriptions.Item label={t('version')}>{report.policyVersion}</Descriptions.Item>
            <Descriptions.Item label={t('recordsRead')}>{report.log.records}</Descriptions.Item>
            <Descriptions.Item label={t('replayedOpen')}>{report.findings.open}</Descriptions.Item>
            <Descriptions.Item label={t('differences')}>
              {t('appears')} {report.differences.appears} · {t('disappears')} {report.differences.disappears} · {t('changes')} {report.differences.changes}
            </Descriptions.Item>
          </Descriptions>
          {report.differences.items.length === 0 ? (
            <Alert type="success" showIcon title={t('noDifferences')} role="status" />
          ) : (
            <Table
              rowKey={(row) => `${row.difference}/${row.rule}/${row.subject}/${row.period}/${row.item ?? ''}`}
              size="small"
              pagination={{ pageSize: 50 }}
              dataSource={report.differences.items}
              columns={[
                { title: t('differences'), dataIndex: 'difference', render: (difference: 'appears' | 'disappears' | 'changes') => t(difference) },
                { title: t('rule'), dataIndex: 'rule' },
                { title: t('period'), dataIndex: 'period' },
                { title: t('item'), dataIndex: 'item' },
                { title: t('why'), dataIndex: 'why' },
              ]}
            />
          )}
        </>
      )}
    </Space>
  );
}
