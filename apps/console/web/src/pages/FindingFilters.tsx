import { Button, Form, Input, Select } from 'antd';
import { useT } from '../i18n.js';
import { NINGXIA_COUNTIES } from '../ningxia-counties.js';

export interface FindingFilter {
  state?: string;
  rule?: string;
  period?: string;
  county?: string;
  response?: string;
  member?: string;
}

/** The filters of a findings list; the auditor's also name a member. */
export function FindingFilters({ filter, onChange, byMember = false }: { filter: FindingFilter; onChange: (filter: FindingFilter) => void; byMember?: boolean }) {
  const t = useT();
  const [form] = Form.useForm<FindingFilter>();
  return (
    <Form form={form} layout="inline" name="finding-filters" initialValues={filter} onFinish={(values) => onChange(Object.fromEntries(Object.entries(values).filter(([, value]) => value)))}>
      <Form.Item label={t('state')} name="state">
        <Select
          style={{ width: 120 }}
          allowClear
          aria-label={t('state')}
          options={[
            { value: 'open', label: t('open') },
            { value: 'closed', label: t('closed') },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('rule')} name="rule">
        <Input style={{ width: 220 }} placeholder="missed-student-aid" />
      </Form.Item>
      <Form.Item label={t('period')} name="period">
        <Input style={{ width: 140 }} placeholder="2026-autumn" />
      </Form.Item>
      <Form.Item label={t('lastResponse')} name="response">
        <Select
          style={{ width: 140 }}
          allowClear
          aria-label={t('lastResponse')}
          options={(['none', 'acknowledged', 'resolved', 'disputed'] as const).map((response) => ({ value: response, label: t(response === 'none' ? 'notAnswered' : response) }))}
        />
      </Form.Item>
      <Form.Item label={t('county')} name="county">
        <Select
          style={{ width: 200 }}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('county')}
          options={NINGXIA_COUNTIES.map(({ code, name }) => ({ value: code, label: `${name} ${code}` }))}
        />
      </Form.Item>
      {byMember && (
        <Form.Item label={t('member')} name="member">
          <Input style={{ width: 160 }} placeholder="education" />
        </Form.Item>
      )}
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t('search')}
        </Button>
      </Form.Item>
    </Form>
  );
}
