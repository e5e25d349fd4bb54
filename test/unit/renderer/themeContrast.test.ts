import { theme } from 'antd';
import { describe, expect, it } from 'vitest';
import { THEME } from '../../../renderer/shell/theme.ts';

type Rgb = [number, number, number];

/** #rgb, #rrggbb or rgba(r,g,b,a), laid over `under` when it is translucent. */
function parse(colour: string, under: Rgb = [255, 255, 255]): Rgb {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(colour);
  if (short) return parse(`#${short.slice(1).map((d) => d + d).join('')}`);
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return [1, 2, 3].map((i) => parseInt(hex[i] ?? '0', 16)) as Rgb;
  const rgba = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(colour);
  if (!rgba) throw new Error(`cannot read the colour ${colour}`);
  const alpha = Number(rgba[4] ?? 1);
  return [1, 2, 3].map((i, n) => Number(rgba[i]) * alpha + under[n]! * (1 - alpha)) as Rgb;
}

/** WCAG 2 contrast ratio. */
function contrast(text: Rgb, background: Rgb): number {
  const luminance = (rgb: Rgb) => {
    const [r, g, b] = rgb.map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as Rgb;
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(text), luminance(background)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const token = theme.getDesignToken(THEME);
const white = parse(token.colorBgContainer);

/** Text colour on background colour for each state antd draws a button in (disabled buttons are exempt in WCAG). */
const STATES: Array<[string, string, string]> = [
  ['primary button', token.colorTextLightSolid, token.colorPrimary],
  ['primary button, hover', token.colorTextLightSolid, token.colorPrimaryHover],
  ['primary button, pressed', token.colorTextLightSolid, token.colorPrimaryActive],
  ['danger primary button', token.colorTextLightSolid, token.colorError],
  ['danger primary button, hover', token.colorTextLightSolid, token.colorErrorHover],
  ['danger primary button, pressed', token.colorTextLightSolid, token.colorErrorActive],
  ['default button', token.colorText, token.colorBgContainer],
  ['default button, hover', token.colorPrimaryHover, token.colorBgContainer],
  ['default button, pressed', token.colorPrimaryActive, token.colorBgContainer],
  ['danger default button, hover', token.colorErrorHover, token.colorBgContainer],
  ['danger default button, pressed', token.colorErrorActive, token.colorBgContainer],
  ['text button, hover', token.colorText, token.colorBgTextHover],
  ['text button, pressed', token.colorText, token.colorBgTextActive],
  ['link', token.colorLink, token.colorBgContainer],
  ['link, hover', token.colorLinkHover, token.colorBgContainer],
  ['link, pressed', token.colorLinkActive, token.colorBgContainer],
  ['primary text, hover', token.colorPrimaryTextHover, token.colorBgContainer],
  ['error text, hover', token.colorErrorTextHover, token.colorBgContainer],
  ['success text, hover', token.colorSuccessTextHover, token.colorBgContainer],
  ['warning text, hover', token.colorWarningTextHover, token.colorBgContainer],
];

describe('the workspace theme', () => {
  it.each(STATES)('keeps AA contrast (4.5:1) for the text of a %s', (_state, text, background) => {
    const behind = parse(background, white);
    expect(contrast(parse(text, behind), behind)).toBeGreaterThanOrEqual(4.5);
  });

  it('fails the check with antd\'s own hover colour, which lightens the primary blue', () => {
    const derived = theme.getDesignToken({ token: { colorPrimary: THEME.token?.colorPrimary } });
    expect(contrast(parse(derived.colorTextLightSolid), parse(derived.colorPrimaryHover))).toBeLessThan(4.5);
  });
});
