import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Select, Space, Table } from 'antd';
import { api, ApiError } from '../api.js';
import type { CompatibilityReport, ContractDetail, ContractSummary, Session } from '../api-types.js';
import { useT } from '../i18n.js';
import { StatusTag } from './StatusTag.js';

/** The data catalogue: every contract, one in full (fields, classification, sharing rules, versions), and a candidate version checked. */
export function CataloguePage({ session }: { session: Session }) {
  const t = useT();
  const { message } = App.useApp();
  const [contracts, setContracts] = useState<ContractSummary[]>([]);
  const [selected, setSelected] = useState<ContractDetail>();
  useEffect(() => {
    api<ContractSummary[]>('GET', '/api/catalogue').then(setContracts, (error: unknown) => void message.error(error instanceof ApiError ? error.message : String(error)));
  }, [message]);
  const open = async (subject: string) => setSelected(await api<ContractDetail>('GET', `/api/catalogue/${encodeURIComponent(subject)}`));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Table<ContractSummary>
        rowKey="subject"
        dataSource={contracts}
        pagination={false}
        size="small"
        columns={[
          {
            title: t('subject'),
            dataIndex: 'subject',
            render: (subject: string) => (
              <Button type="link" onClick={() => void open(subject)} style={{ padding: 0 }}>
                {subject}
              </Button>
            ),
          },
          { title: t('owner'), render: (_, contract) => contract.binding?.owner ?? '—' },
          { title: t('topic'), render: (_, contract) => contract.binding?.topic ?? '—' },
          { title: t('version'), dataIndex: 'version' },
          { title: t('lifecycle'), dataIndex: 'lifecycle', render: (lifecycle: string) => <StatusTag tone="grey">{lifecycle}</StatusTag> },
        ]}
      />
      {selected && <ContractCard contract={selected} />}
      {session.permissions.includes('check-contract') && <CandidateCheck subjects={contracts.map((contract) => contract.subject)} initial={selected?.subject} />}
    </Space>
  );
}

function ContractCard({ contract }: { contract: ContractDetail }) {
  const t = useT();
  return (
    <Card title={contract.subject} size="small">
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('owner')}>{contract.binding?.owner ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('topic')}>{contract.binding?.topic ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('versions')}>{contract.versions.join(', ')}</Descriptions.Item>
        <Descriptions.Item label={t('lifecycle')}>{contract.lifecycle}</Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="pointer"
        size="small"
        pagination={false}
        title={() => t('fields')}
        dataSource={contract.classification}
        columns={[
          { title: t('field'), dataIndex: 'pointer' },
          {
            title: t('classification'),
            dataIndex: 'classification',
            render: (classification: string) => <StatusTag tone={classification === 'personal-identifier' || classification === 'personal' ? 'red' : 'blue'}>{classification}</StatusTag>,
          },
        ]}
      />
      <Table
        rowKey="member"
        size="small"
        pagination={false}
        title={() => t('sharing')}
        locale={{ emptyText: t('noSharing') }}
        dataSource={contract.sharing}
        columns={[
          { title: t('member'), dataIndex: 'member' },
          { title: t('fields'), dataIndex: 'fields', render: (fields: string[]) => fields.join(', ') },
          { title: t('purpose'), dataIndex: 'purpose' },
        ]}
      />
    </Card>
  );
}

function CandidateCheck({ subjects, initial }: { subjects: string[]; initial: string | undefined }) {
  const t = useT();
  const [form] = Form.useForm<{ subject: string; schema: string }>();
  const [report, setReport] = useState<CompatibilityReport>();
  const [error, setError] = useState<{ message: string; details: readonly string[] }>();
  useEffect(() => {
    if (initial) form.setFieldValue('subject', initial);
  }, [initial, form]);
  const check = async ({ subject, schema }: { subject: string; schema: string }) => {
    setReport(undefined);
    setError(undefined);
    try {
      setReport(await api<CompatibilityReport>('POST', `/api/catalogue/${encodeURIComponent(subject)}/check`, { schema }));
    } catch (failure) {
      setError(failure instanceof ApiError ? { message: failure.message, details: failure.details } : { message: String(failure), details: [] });
    }
  };
  const upload = async (file: File | undefined) => {
    if (file) form.setFieldValue('schema', await file.text());
  };
  return (
    <Card title={t('checkCandidate')} size="small">
      <Form form={form} layout="vertical" name="candidate-check" onFinish={(values) => void check(values)}>
        <Form.Item label={t('subject')} name="subject" rules={[{ required: true }]}>
          <Select showSearch aria-label={t('subject')} options={subjects.map((subject) => ({ value: subject, label: subject }))} />
        </Form.Item>
        <Form.Item label={t('candidate')} name="schema" rules={[{ required: true }]}>
          <Input.TextArea rows={10} spellCheck={false} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Space>
          <label>
            {t('uploadCandidate')}: <input type="file" accept=".json,application/json" onChange={(event) => void upload(event.target.files?.[0])} />
          </label>
          <Button type="primary" htmlType="submit">
            {t('checkCandidate')}
          </Button>
        </Space>
      </Form>
      {error && <Alert style={{ marginTop: 16 }} type="error" showIcon title={error.message} description={error.details.join('\n')} role="alert" />}
      {report && (
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
          {report.differences.length > 0 && (
            <Table
              rowKey={(row) => `${row.pointer}${row.kind}`}
              size="small"
              pagination={false}
              title={() => t('differences')}
              dataSource={report.differences}
              columns={[
                { title: t('field'), dataIndex: 'pointer' },
                { title: t('details'), dataIndex: 'detail' },
                { title: 'effect', dataIndex: 'effect' },
              ]}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
