import { Descriptions, Space, Timeline, Typography } from 'antd';
import type { Finding } from '../api-types.js';
import { useT } from '../i18n.js';

/** One finding in full: its explanation, the events it rests on, the member's own record keys, the responses so far. */
export function FindingDetail({ finding }: { finding: Finding }) {
  const t = useT();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph>{finding.explanation}</Typography.Paragraph>
      <Descriptions size="small" column={1} title={t('recordKeys')}>
        {Object.entries(finding.recordKeys).map(([field, key]) => (
          <Descriptions.Item key={field} label={field}>
            {key}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('evidence')}
      </Typography.Title>
      <Timeline items={finding.evidence.map((evidence) => ({ key: `${evidence.source}/${evidence.eventId}`, children: `${evidence.type} · ${evidence.source} · ${evidence.eventId}` }))} />
      {finding.responses.length > 0 && (
        <>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t('responses')}
          </Typography.Title>
          <Timeline
            items={finding.responses.map((response) => ({ key: response.respondedAt, children: `${response.respondedAt} · ${response.response}${response.reason ? ` · ${response.reason}` : ''}` }))}
          />
        </>
      )}
    </Space>
  );
}
