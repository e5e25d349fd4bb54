import { Alert, Button } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentChange, SegmentChanges } from '../../shared/api/segmentChangesContract.ts';
import type { RuleExplanationView } from '../../shared/api/segmentsContract.ts';
import { formatDate, formatList, type Language } from '../../shared/format/index.ts';
import { call } from '../backend.ts';
import { useLanguage } from '../i18n/index.ts';
import { describeCondition, factValueText } from '../segments/describe.ts';
import { useDataChanges } from '../shell/dataChanges.ts';

/** A change older than this is no news: the profile says nothing about it. */
const RECENT_MS = 30 * 86_400_000;

type Condition = Extract<RuleExplanationView, { kind: 'condition' }>;
/** The rule's conditions that met (or failed) for the client: what put it in a segment, or kept it out. */
function leaves(node: RuleExplanationView, matched: boolean): Condition[] {
  if (node.kind === 'condition') return node.matched === matched ? [node] : [];
  return node.parts.flatMap((part) => leaves(part, matched));
}

function conditionsText(conditions: Condition[], t: TFunction, language: Language, currency: string): string {
  return formatList(conditions.map((c) => t('segmentChange.value', {
    condition: describeCondition(c.condition, t, language, currency),
    value: factValueText(c.condition.fact, c.value, t, language, currency),
  })), language);
}

/**
 * Says when and why the client last changed segment, if it did in the last 30 days: the move, what caused it, and the
 * conditions of the explanation (segments.explain) that decided it, with a link to the full explanation below.
 */
export function SegmentChangeNotice({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const version = useDataChanges((s) => s.version);
  const [data, setData] = useState<SegmentChanges | null>(null);
  useEffect(() => {
    let current = true;
    call('clients.segmentChanges', { clientId }).then((d) => current && setData(d), () => current && setData(null));
    return () => {
      current = false;
    };
  }, [clientId, version]);
  if (!data) return null;
  const recent = data.changes.filter((c) => Date.now() - Date.parse(c.at) <= RECENT_MS);
  const latest = recent[0];
  if (!latest) return null;

  const segmentText = (ref: SegmentChange['from']) => {
    if (!ref) return t('segmentChange.none');
    const name = language === 'en' && ref.nameEn ? ref.nameEn : ref.name;
    if (ref.deleted) return t('segmentChange.deleted', { name });
    return ref.tier ? t('segmentChange.named', { name, tier: t(`enums.tier.${ref.tier}`) }) : name;
  };
  const { why } = data;
  const currency = why.reportingCurrency;
  const reasons: string[] = [];
  // The explanation is of the client's placement now: it tells why the latest move happened while the client is still there.
  if ((why.segment?.id ?? null) === (latest.to?.id ?? null)) {
    if (why.segment && why.matched) reasons.push(t('segmentChange.meets', { name: segmentText(latest.to), conditions: conditionsText(leaves(why.matched, true), t, language, currency) }));
    else reasons.push(t('segmentChange.noneMatches'));
    const left = latest.from && why.passedOver.find((p) => p.segment.id === latest.from?.id);
    if (left) reasons.push(t('segmentChange.failsOld', { name: segmentText(latest.from), conditions: conditionsText(leaves(left.explanation, false), t, language, currency) }));
  }
  const showExplanation = () => {
    const target = document.getElementById('policy-why');
    if (!target) return;
    target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'start' });
    target.focus();
  };
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="segment-change"
      role="status"
      message={t('segmentChange.title', { date: formatDate(latest.at, language), from: segmentText(latest.from), to: segmentText(latest.to) })}
      description={
        <>
          <div>{t(`segmentChange.cause.${latest.cause}`)}</div>
          {reasons.length > 0 && <div>{t('segmentChange.because')}{reasons.join(language === 'en' ? '; ' : '；')}</div>}
          {recent.length > 1 && <div className="crm-muted">{t('segmentChange.earlier', { count: recent.length - 1 })}</div>}
          <Button type="link" style={{ padding: 0 }} onClick={showExplanation}>{t('segmentChange.explain')}</Button>
        </>
      }
    />
  );
}
