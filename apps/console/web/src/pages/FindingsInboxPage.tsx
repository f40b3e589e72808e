import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, Modal, Space } from 'antd';
import { api, ApiError, query } from '../api.js';
import type { Finding, Reveal, Session } from '../api-types.js';
import { useT } from '../i18n.js';
import { FindingFilters, type FindingFilter } from './FindingFilters.js';
import { FindingTable } from './FindingTable.js';
import { countyLabel } from '../ningxia-counties.js';
import { AidCoverage } from './AidCoverage.js';
import { CountBars } from './CountBars.js';
import { useFindingPages } from './useFindingPages.js';

type Answer = 'acknowledged' | 'resolved' | 'disputed';

/** A department's findings: filter, read each with its evidence and own record keys, respond, reveal where the rule grants it, export. */
export function FindingsInboxPage({ session }: { session: Session }) {
  const t = useT();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<FindingFilter>({ state: 'open' });
  const [answering, setAnswering] = useState<{ finding: Finding; response: Answer }>();
  const [revealing, setRevealing] = useState<Finding>();
  const [revealed, setRevealed] = useState<Reveal>();

  const { findings, next, loading, load } = useFindingPages('/api/findings', filter);

  const respond = async (values: { reason?: string }) => {
    if (!answering) return;
    try {
      await api('POST', `/api/findings/${answering.finding.findingId}/responses`, { response: answering.response, ...(values.reason ? { reason: values.reason } : {}) });
      setAnswering(undefined);
      void message.success(t('responseRecorded'));
      setTimeout(() => void load(), 2_000);
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : String(error));
    }
  };
  const reveal = async (values: { purpose: string }) => {
    if (!revealing) return;
    try {
      setRevealed(await api<Reveal>('POST', `/api/findings/${revealing.findingId}/reveal`, values));
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : String(error));
    }
  };

  const canReveal = session.permissions.includes('reveal-identity');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <FindingFilters filter={filter} onChange={setFilter} />
      <Space>
        <Button href={`/api/findings/export.csv${query({ ...filter })}`} download>
          {t('exportCsv')}
        </Button>
        <Button href={`/api/findings/export.xlsx${query({ ...filter })}`} download>
          {t('exportXlsx')}
        </Button>
        <Button onClick={() => void load()}>{t('refresh')}</Button>
      </Space>
      <Card title={t('countsByRule')} size="small">
        <CountBars items={findings} by={(finding) => finding.rule} />
      </Card>
      <Card title={t('countsByCounty')} size="small">
        <CountBars items={findings} by={(finding) => finding.county ?? ''} label={(county) => countyLabel(county || undefined)} />
      </Card>
      <AidCoverage county={filter.county} />
      <FindingTable
        findings={findings}
        loading={loading}
        rowKey={(finding) => finding.findingId}
        trailing={[
          {
            title: t('actions'),
            render: (_, finding) =>
              finding.state === 'open' && (
                <Space wrap>
                  <Button size="small" onClick={() => setAnswering({ finding, response: 'acknowledged' })}>
                    {t('acknowledge')}
                  </Button>
                  <Button size="small" type="primary" onClick={() => setAnswering({ finding, response: 'resolved' })}>
                    {t('resolve')}
                  </Button>
                  <Button size="small" danger onClick={() => setAnswering({ finding, response: 'disputed' })}>
                    {t('dispute')}
                  </Button>
                  {canReveal && finding.reveal && (
                    <Button size="small" onClick={() => setRevealing(finding)}>
                      {t('reveal')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      {next && <Button onClick={() => void load(next)}>{t('loadMore')}</Button>}
      <Modal
        title={answering && t(answering.response === 'acknowledged' ? 'acknowledge' : answering.response === 'resolved' ? 'resolve' : 'dispute')}
        open={!!answering}
        onCancel={() => setAnswering(undefined)}
        footer={null}
        destroyOnHidden
      >
        <Form layout="vertical" name="respond" onFinish={(values: { reason?: string }) => void respond(values)}>
          <Form.Item label={t('reason')} name="reason" rules={[{ required: answering?.response !== 'acknowledged', message: t('reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('confirm')}
          </Button>
        </Form>
      </Modal>
      <Modal
        title={t('reveal')}
        open={!!revealing}
        onCancel={() => {
          setRevealing(undefined);
          setRevealed(undefined);
        }}
        footer={null}
        destroyOnHidden
      >
        {revealed ? (
          <Descriptions column={1} bordered size="small" title={t('revealed')}>
            <Descriptions.Item label={t('name')}>{revealed.name}</Descriptions.Item>
            <Descriptions.Item label={t('identityNumber')}>{revealed.identityNumber}</Descriptions.Item>
            <Descriptions.Item label={t('purpose')}>{revealed.purpose}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Form layout="vertical" name="reveal" initialValues={{ purpose: revealing?.reveal?.purpose ?? '' }} onFinish={(values: { purpose: string }) => void reveal(values)}>
            <Form.Item label={t('revealPurpose')} name="purpose" rules={[{ required: true }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('confirm')}
            </Button>
          </Form>
        )}
      </Modal>
    </Space>
  );
}
