import { Alert, List, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentPreview } from '../../shared/api/segmentsContract.ts';
import { SegmentRule } from '../../shared/domain/index.ts';
import { formatNumber } from '../../shared/format/index.ts';
import { call } from '../backend.ts';
import { errorText } from '../forms/errorText.ts';
import { useLanguage } from '../i18n/index.ts';
import { translateIssue } from '../i18n/issues.ts';

type Draft = { segmentId?: string; priority: number; rule: SegmentRule };

/**
 * What the rule being edited would do, while it is edited: one preview in flight at a time, and when it answers the
 * latest draft is asked for if it changed meanwhile, so typing never queues stale work and a stale answer never shows.
 */
function useLatestPreview(draft: Draft | null): { preview: SegmentPreview | null; error: unknown; busy: boolean } {
  const [state, setState] = useState<{ preview: SegmentPreview | null; error: unknown; busy: boolean }>({ preview: null, error: null, busy: false });
  const latest = useRef<string | null>(null);
  const inFlight = useRef(false);
  const key = draft ? JSON.stringify(draft) : null;
  useEffect(() => {
    latest.current = key;
    if (key === null || inFlight.current) return;
    const ask = (asked: string) => {
      inFlight.current = true;
      setState((s) => ({ ...s, busy: true }));
      call('segments.preview', JSON.parse(asked) as Draft).then(
        (preview) => latest.current === asked && setState({ preview, error: null, busy: false }),
        (error: unknown) => latest.current === asked && setState({ preview: null, error, busy: false }),
      ).finally(() => {
        inFlight.current = false;
        if (latest.current !== null && latest.current !== asked) ask(latest.current);
      });
    };
    ask(key);
  }, [key]);
  return state;
}

export function RulePreview({ segmentId, priority, rule }: { segmentId?: string; priority: number | null; rule: SegmentRule | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const checked = SegmentRule.safeParse(rule);
  const valid = checked.success && typeof priority === 'number';
  const { preview, error, busy } = useLatestPreview(valid ? { segmentId, priority, rule: checked.data } : null);
  const n = (x: number) => formatNumber(x, language);
  const name = (ref: { name: string | null; nameEn: string | null }) => (language === 'en' && ref.nameEn ? ref.nameEn : ref.name) ?? t('segments.editor.noSegmentNow');
  return (
    <section className="crm-rule-preview" aria-labelledby="rule-preview-title" aria-busy={busy} data-testid="rule-preview">
      <Typography.Title level={3} id="rule-preview-title" style={{ fontSize: 15, marginTop: 0 }}>
        {t('segments.editor.preview')} {busy && <Spin size="small" aria-label={t('segments.editor.stale')} />}
      </Typography.Title>
      <Typography.Paragraph className="crm-muted" style={{ fontSize: 12 }}>{t('segments.editor.previewHint')}</Typography.Paragraph>
      {!checked.success && (
        <Alert type="info" showIcon title={t('segments.editor.previewError', { message: translateIssue(checked.error.issues[0]!.message, t) })} />
      )}
      {valid && error !== null && <Alert type="error" showIcon title={errorText(error, t)} />}
      {valid && preview && (
        <div aria-live="polite">
          <div className="crm-preview-counts">
            <strong data-testid="preview-matches">{t('segments.editor.matches', { n: n(preview.matches) })}</strong>
            <span data-testid="preview-members">{t('segments.editor.members', { n: n(preview.members) })}</span>
          </div>
          <ul className="crm-preview-moves" data-testid="preview-moves">
            {preview.movesIn.length === 0 && preview.movesOut.length === 0 && <li>{t('segments.editor.noMoves')}</li>}
            {preview.movesIn.map((m) => <li key={`in-${m.segmentId}`} className="crm-preview-warning">{t('segments.editor.movesIn', { n: n(m.clients), from: name(m) })}</li>)}
            {preview.movesOut.map((m) => <li key={`out-${m.segmentId}`} className="crm-preview-warning">{t('segments.editor.movesOut', { n: n(m.clients), to: name(m) })}</li>)}
          </ul>
          {preview.sample.length === 0 ? (
            <Typography.Paragraph>{t('segments.editor.noMatches')}</Typography.Paragraph>
          ) : (
            <List
              size="small"
              header={t('segments.editor.sample', { n: preview.sample.length })}
              dataSource={preview.sample}
              renderItem={(c) => (
                <List.Item>
                  <span className="crm-preview-client">{language === 'en' && c.englishName ? c.englishName : c.legalName}</span>
                  <span className="crm-muted">{c.joins ? t('segments.editor.joins') : t('segments.editor.staysIn', { name: name(c.current) })}</span>
                </List.Item>
              )}
            />
          )}
        </div>
      )}
    </section>
  );
}
