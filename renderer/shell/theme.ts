import type { ThemeConfig } from 'antd';

/**
 * The workspace's antd theme. Every state of a control keeps WCAG AA contrast (4.5:1) for its text: antd derives
 * hover colours by lightening (the primary blue's hover, #2f78de, gives white text 4.3:1), so hover and active
 * states here are darker than the base colour instead (test/unit/renderer/themeContrast.test.ts checks them all).
 * Placeholder and secondary text are darker than antd's defaults for the same reason.
 */
export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#0b57d0', colorPrimaryHover: '#0a4ab5', colorPrimaryActive: '#003cab',
    colorPrimaryTextHover: '#0a4ab5', colorPrimaryTextActive: '#003cab',
    colorLink: '#0b57d0', colorLinkHover: '#0a4ab5', colorLinkActive: '#003cab',
    colorInfo: '#0b57d0', colorInfoHover: '#0a4ab5', colorInfoTextHover: '#0a4ab5',
    colorError: '#c41d1d', colorErrorHover: '#a8171a', colorErrorActive: '#9e1015', colorErrorTextHover: '#a8171a',
    colorSuccess: '#237804', colorSuccessHover: '#1b6503', colorSuccessTextHover: '#1b6503',
    colorWarning: '#ad4e00', colorWarningHover: '#964200', colorWarningTextHover: '#964200',
    borderRadius: 6, colorTextPlaceholder: '#6b6b6b', colorTextDescription: '#595959', colorTextTertiary: '#595959',
  },
  // An empty table's message is content, not a disabled control.
  components: { Table: { colorTextDisabled: '#595959' } },
};
