import type { ReactNode } from 'react';
import type { BriefModel } from '../../../shared/briefs/brief.ts';
import type { BriefText } from '../briefText.ts';

/** What every section of the brief template receives. */
export interface SectionProps {
  model: BriefModel;
  t: BriefText;
}

export const None = ({ t }: { t: BriefText }) => <div className="none">{t.none}</div>;
/** The local calendar day of an instant; a brief lists days, the app shows times. */
export const formatDay = (instant: string, language: BriefModel['language']) => new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(instant));
/** A DSCR as quoted: 1.25x. */
export const formatRatio = (v: number) => `${v.toFixed(2)}x`;
export const excerpt = (text: string, max: number) => (text.length > max ? `${text.slice(0, max).trimEnd()}…` : text);

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
