import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Select, Space, Table } from 'antd';
import { api, ApiError } from '../api.js';
import type { ContractDetail, ContractSummary, Session } from '../api-types.js';
import { useT } from '../i18n.js';
import { CandidateCheck } from './CandidateCheck.js';
import { StatusTag } from './StatusTag.js';
import { VersionDiffCard } from './VersionDiffCard.js';

/** The lifecycles a contract may be in, as the registry names them. */
const LIFECYCLE_VALUES: readonly ContractDetail['lifecycle'][] = ['active', 'deprecated', 'disabled'];

/** The data catalogue: every contract, one in full (fields, classification, sharing rules, versions and what changed between them), and a candidate version checked. */
export function CataloguePage({ session }: { session: Session }) {
  const t = useT();
  const { message } = App.useApp();
  const [contracts, setContracts] = useState<ContractSummary[]>([]);
  const [selected, setSelected] = useState<ContractDetail>();
  const loadContracts = useCallback(() => {
    api<ContractSummary[]>('GET', '/api/catalogue').then(setContracts, (error: unknown) => void message.error(error instanceof ApiError ? error.message : String(error)));
  }, [message]);
  useEffect(loadContracts, [loadContracts]);
  const open = async (subject: string) => setSelected(await api<ContractDetail>('GET', `/api/catalogue/${encodeURIComponent(subject)}`));
  const changed = (subject: string) => {
    loadContracts();
    void open(subject);
  };
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
      {selected && <ContractCard contract={selected} canChangeLifecycle={session.permissions.includes('change-lifecycle')} onChanged={changed} />}
      {selected && <VersionDiffCard subject={selected.subject} versions={selected.versions} />}
      {session.permissions.includes('check-contract') && (
        <CandidateCheck subjects={contracts.map((contract) => contract.subject)} initial={selected?.subject} canRegister={session.permissions.includes('register-contract')} onRegistered={changed} />
      )}
    </Space>
  );
}

function ContractCard({ contract, canChangeLifecycle, onChanged }: { contract: ContractDetail; canChangeLifecycle: boolean; onChanged: (subject: string) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [lifecycle, setLifecycle] = useState(contract.lifecycle);
  // Reset only when the contract or its lifecycle changes: a reload of the same contract (after a registration) must not undo a choice being made.
  useEffect(() => setLifecycle(contract.lifecycle), [contract.subject, contract.lifecycle]);
  const changeLifecycle = async () => {
    try {
      await api('PUT', `/api/catalogue/${encodeURIComponent(contract.subject)}/lifecycle`, { lifecycle });
      void message.success(t('lifecycleChanged'));
      onChanged(contract.subject);
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : String(error));
    }
  };
  return (
    <Card title={contract.subject} size="small">
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('owner')}>{contract.binding?.owner ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('topic')}>{contract.binding?.topic ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('versions')}>{contract.versions.join(', ')}</Descriptions.Item>
        <Descriptions.Item label={t('lifecycle')}>
          {canChangeLifecycle ? (
            <Space>
              <Select<ContractDetail['lifecycle']>
                aria-label={t('lifecycle')}
                style={{ width: 140 }}
                value={lifecycle}
                onChange={setLifecycle}
                options={LIFECYCLE_VALUES.map((value) => ({ value, label: value }))}
              />
              <Button disabled={lifecycle === contract.lifecycle} onClick={() => void changeLifecycle()}>
                {t('changeLifecycle')}
              </Button>
            </Space>
          ) : (
            contract.lifecycle
          )}
        </Descriptions.Item>
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
