import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyExplanationView, RuleExplanationView } from '../../shared/api/segmentsContract.ts';
import type { Segment } from '../../shared/domain/index.ts';
import { call } from '../backend.ts';
import { useLanguage } from '../i18n/index.ts';
import { useDataChanges } from '../shell/dataChanges.ts';
import { describeCondition, factValueText } from './describe.ts';
import './segments.css';

/**
 * Why a client has its service policy: the segment it falls in and the conditions it met, and each higher-priority
 * segment with the conditions it did not meet, the client's own values beside them.
 */
export function PolicyWhy({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const version = useDataChanges((s) => s.version);
  const [why, setWhy] = useState<PolicyExplanationView | null>(null);
  useEffect(() => {
    let current = true;
    call('segments.explain', { clientId }).then((w) => current && setWhy(w), () => current && setWhy(null));
    return () => {
      current = false;
    };
  }, [clientId, version]);
  if (!why) return <Skeleton active paragraph={{ rows: 2 }} />;
  const name = (s: Segment) => (language === 'en' && s.nameEn ? s.nameEn : s.name);
  return (
    <section className="crm-why" aria-labelledby="policy-why" data-testid="policy-why">
      <Typography.Title level={3} id="policy-why" style={{ fontSize: 16 }}>{t('segments.why.title')}</Typography.Title>
      {why.segment && why.matched ? (
        <>
          <div>{t('segments.why.matchedIn', { name: name(why.segment), priority: why.segment.priority })}</div>
          <Explanation node={why.matched} currency={why.reportingCurrency} />
        </>
      ) : (
        <div>{t('segments.why.none')}</div>
      )}
      {why.passedOver.length > 0 && (
        <>
          <div style={{ marginTop: 8 }}>{t('segments.why.passedOver')}</div>
          <ul>
            {why.passedOver.map(({ segment, explanation }) => (
              <li key={segment.id}>
                {t('segments.why.failed', { name: name(segment), priority: segment.priority })}
                <Explanation node={explanation} currency={why.reportingCurrency} onlyFailed />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A rule node by node; `onlyFailed` keeps to what failed (why a segment did not take the client). */
function Explanation({ node, currency, onlyFailed = false }: { node: RuleExplanationView; currency: string; onlyFailed?: boolean }) {
  const { t } = useTranslation();
  if (node.kind === 'condition') {
    return (
      <ul><ConditionLine node={node} currency={currency} /></ul>
    );
  }
  const parts = onlyFailed && node.kind === 'all' ? node.parts.filter((p) => !p.matched) : node.parts;
  return (
    <ul>
      {node.parts.length > 1 && (
        <li className="crm-muted" style={{ listStyle: 'none', marginLeft: -20 }}>
          {t(onlyFailed && node.kind === 'all' ? 'segments.why.unmetOf' : node.kind === 'all' ? 'segments.why.allOf' : 'segments.why.anyOf')}
        </li>
      )}
      {parts.map((part, i) =>
        part.kind === 'condition' ? <ConditionLine key={i} node={part} currency={currency} /> : <li key={i}><Explanation node={part} currency={currency} onlyFailed={onlyFailed} /></li>,
      )}
    </ul>
  );
}

function ConditionLine({ node, currency }: { node: Extract<RuleExplanationView, { kind: 'condition' }>; currency: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <li>
      {node.matched ? <CheckCircleFilled className="crm-why-met" aria-label={t('segments.why.met')} /> : <CloseCircleFilled className="crm-why-unmet" aria-label={t('segments.why.notMet')} />}{' '}
      {describeCondition(node.condition, t, language, currency)}
      <span className="crm-muted"> · {t('segments.why.value', { value: factValueText(node.condition.fact, node.value, t, language, currency) })}</span>
    </li>
  );
}
