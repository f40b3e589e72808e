import { Tag } from 'antd';

/**
 * Dark fills with white text (contrast 6:1 or more): Ant Design's preset tag colours put light
 * text on light fills, below the 4.5:1 that the axe check and WCAG 2 AA ask of text.
 */
const FILLS = { red: '#a8071a', green: '#1f6f0a', blue: '#0b57d0', orange: '#a14400', grey: '#595959' } as const;

export function StatusTag({ tone, children }: { tone: keyof typeof FILLS; children: React.ReactNode }) {
  return <Tag color={FILLS[tone]}>{children}</Tag>;
}
