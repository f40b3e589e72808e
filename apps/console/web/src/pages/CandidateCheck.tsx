import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { api, ApiError } from '../api.js';
import type { CompatibilityReport, SampleCheckReport } from '../api-types.js';
import { useT } from '../i18n.js';
import { DifferencesTable } from './DifferencesTable.js';

interface Candidate {
  subject: string;
  schema: string;
  days: number;
}

type Outcome = { kind: 'compatibility'; report: CompatibilityReport } | { kind: 'sample'; report: SampleCheckReport } | { kind: 'error'; message: string; details: readonly string[] };

/** A candidate version pasted or uploaded, checked for compatibility with the subject's versions, or run over the last days of its topic; registered, for those with the right, once it is compatible. */
export function CandidateCheck({ subjects, initial, canRegister, onRegistered }: { subjects: string[]; initial: string | undefined; canRegister: boolean; onRegistered: (subject: string) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Candidate>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [checking, setChecking] = useState(false);
  useEffect(() => {
    if (initial) form.setFieldValue('subject', initial);
  }, [initial, form]);
  const run = async (kind: 'compatibility' | 'sample') => {
    const { subject, schema, days } = await form.validateFields();
    setOutcome(undefined);
    setChecking(true);
    const path = `/api/catalogue/${encodeURIComponent(subject)}`;
    try {
      setOutcome(
        kind === 'compatibility'
          ? { kind, report: await api<CompatibilityReport>('POST', `${path}/check`, { schema }) }
          : { kind, report: await api<SampleCheckReport>('POST', `${path}/sample-check?days=${days}`, { schema }) },
      );
    } catch (failure) {
      setOutcome(failure instanceof ApiError ? { kind: 'error', message: failure.message, details: failure.details } : { kind: 'error', message: String(failure), details: [] });
    } finally {
      setChecking(false);
    }
  };
  const register = async () => {
    const { subject, schema } = await form.validateFields();
    try {
      const { id } = await api<{ id: number }>('POST', `/api/catalogue/${encodeURIComponent(subject)}/versions`, { schema });
      void message.success(`${t('registered')} (id ${id})`);
      onRegistered(subject);
    } catch (failure) {
      setOutcome(failure instanceof ApiError ? { kind: 'error', message: failure.message, details: failure.details } : { kind: 'error', message: String(failure), details: [] });
    }
  };
  const upload = async (file: File | undefined) => {
    if (file) form.setFieldValue('schema', await file.text());
  };
  return (
    <Card title={t('checkCandidate')} size="small">
      <Form form={form} layout="vertical" name="candidate-check" initialValues={{ days: 7 }} onFinish={() => void run('compatibility')}>
        <Form.Item label={t('subject')} name="subject" rules={[{ required: true }]}>
          <Select showSearch aria-label={t('subject')} options={subjects.map((subject) => ({ value: subject, label: subject }))} />
        </Form.Item>
        <Form.Item label={t('candidate')} name="schema" rules={[{ required: true }]}>
          <Input.TextArea rows={10} spellCheck={false} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Space wrap>
          <label>
            {t('uploadCandidate')}: <input type="file" accept=".json,application/json" onChange={(event) => void upload(event.target.files?.[0])} />
          </label>
          <Button type="primary" htmlType="submit" loading={checking}>
            {t('checkCandidate')}
          </Button>
          <Form.Item label={t('sampleDays')} name="days" noStyle>
            <InputNumber aria-label={t('sampleDays')} min={1} max={366} />
          </Form.Item>
          <Button onClick={() => void run('sample')} loading={checking}>
            {t('sampleCheck')}
          </Button>
        </Space>
      </Form>
      {outcome?.kind === 'error' && <Alert style={{ marginTop: 16 }} type="error" showIcon title={outcome.message} description={outcome.details.join('\n')} role="alert" />}
      {outcome?.kind === 'compatibility' && <CompatibilityOutcome report={outcome.report} />}
      {outcome?.kind === 'compatibility' && outcome.report.compatible && canRegister && (
        <Button type="primary" style={{ marginTop: 16 }} onClick={() => void register()}>
          {t('registerVersion')}
        </Button>
      )}
      {outcome?.kind === 'sample' && <SampleOutcome report={outcome.report} />}
    </Card>
  );
}

function CompatibilityOutcome({ report }: { report: CompatibilityReport }) {
  const t = useT();
  return (
    <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
      <Alert type={report.compatible ? 'success' : 'error'} showIcon title={`${report.compatible ? t('compatible') : t('incompatible')} (${report.mode})`} role="status" />
      {report.incompatibilities.length > 0 && (
        <Table
          rowKey={(row) => `${row.version}${row.direction}${row.pointer}${row.kind}`}
          size="small"
          pagination={false}
          title={() => t('why')}
          dataSource={report.incompatibilities}
          columns={[
            { title: t('field'), dataIndex: 'pointer' },
            { title: t('version'), dataIndex: 'version' },
            { title: t('details'), dataIndex: 'detail' },
            { title: t('why'), dataIndex: 'explanation' },
          ]}
        />
      )}
      {report.differences.length > 0 && <DifferencesTable differences={report.differences} />}
    </Space>
  );
}

function SampleOutcome({ report }: { report: SampleCheckReport }) {
  const t = useT();
  return (
    <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
      <Alert type={report.failed === 0 ? 'success' : 'warning'} showIcon role="status" title={`${t('sampleChecked')}: ${report.checked} · ${t('sampleFailed')}: ${report.failed}`} />
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('topic')}>{report.topic}</Descriptions.Item>
        <Descriptions.Item label={t('sampleSince')}>{report.since}</Descriptions.Item>
      </Descriptions>
      {report.reasons.length > 0 && (
        <Table
          rowKey={(row) => `${row.instancePath}${row.keyword}${row.message}`}
          size="small"
          pagination={false}
          title={() => t('why')}
          dataSource={report.reasons}
          columns={[
            { title: t('field'), dataIndex: 'instancePath' },
            { title: t('keyword'), dataIndex: 'keyword' },
            { title: t('details'), dataIndex: 'message' },
            { title: t('records'), dataIndex: 'records' },
          ]}
        />
      )}
    </Space>
  );
}
