import type { ThemeConfig } from 'antd';

/**
 * Ant Design's tokens, darkened where its defaults fall short of WCAG 2 AA contrast (4.5:1) that
 * the axe check holds every page to: the primary blue on white, and secondary and hint text.
 */
export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#0b57d0',
    // Hovered and pressed, the primary button darkens instead of lightening (Ant Design's default), so its white label keeps its contrast.
    colorPrimaryHover: '#0842a0',
    colorPrimaryActive: '#06357f',
    colorLink: '#0b57d0',
    // Likewise a hovered link (a contract's name in a hovered row of the catalogue) darkens.
    colorLinkHover: '#0842a0',
    colorLinkActive: '#06357f',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorError: '#c0262d',
    colorSuccess: '#2f7a0b',
    colorWarning: '#a15c00',
  },
};
