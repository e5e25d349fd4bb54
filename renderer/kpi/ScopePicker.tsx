import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KpiScope, KpiScopeOptions } from '../../shared/api/kpiContract.ts';
import { useLanguage } from '../i18n/index.ts';

type Kind = KpiScope['kind'];

/** The scope's kind (me, an RM, a team, a segment, the bank), then which one, from what the device holds and the role may see. */
export function ScopePicker({ options, scope, onScope }: { options: KpiScopeOptions | null; scope: KpiScope | null; onScope(scope: KpiScope): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const kinds = options?.kinds ?? [];
  const pick = (kind: Kind) => {
    if (kind === 'me' || kind === 'bank') onScope({ kind });
    else if (kind === 'rm' && options?.rms[0]) onScope({ kind, login: options.rms[0].login });
    else if (kind === 'team' && options?.teams[0]) onScope({ kind, teamCode: options.teams[0] });
    else if (kind === 'segment' && options?.segments[0]) onScope({ kind, segmentId: options.segments[0].id });
  };
  const subject = (() => {
    if (!options || !scope) return null;
    const common = { style: { width: 180 }, showSearch: true, optionFilterProp: 'label' as const };
    switch (scope.kind) {
      case 'rm':
        return <Select {...common} aria-label={t('scope.pickRm')} value={scope.login} onChange={(login: string) => onScope({ kind: 'rm', login })}
          options={options.rms.map((rm) => ({ value: rm.login, label: rm.teamCode ? `${rm.login}（${rm.teamCode}）` : rm.login }))} />;
      case 'team':
        return <Select {...common} aria-label={t('scope.pickTeam')} value={scope.teamCode} onChange={(teamCode: string) => onScope({ kind: 'team', teamCode })}
          options={options.teams.map((team) => ({ value: team, label: team }))} />;
      case 'segment':
        return <Select {...common} aria-label={t('scope.pickSegment')} value={scope.segmentId} onChange={(segmentId: string) => onScope({ kind: 'segment', segmentId })}
          options={options.segments.map((s) => ({ value: s.id, label: language === 'en' && s.nameEn ? s.nameEn : s.name }))} />;
      default:
        return null;
    }
  })();
  return (
    <span className="crm-scope-picker" role="group" aria-label={t('scope.label')}>
      <Select
        aria-label={t('scope.label')}
        style={{ width: 120 }}
        value={scope?.kind}
        onChange={pick}
        options={kinds.map((kind) => ({
          value: kind, label: t(`scope.kind.${kind}`),
          disabled: (kind === 'rm' && !options?.rms.length) || (kind === 'team' && !options?.teams.length) || (kind === 'segment' && !options?.segments.length),
        }))}
      />
      {subject}
    </span>
  );
}

/** The scope a screen starts with: the user's own KPIs for an RM, their team for a team lead, the bank otherwise. */
export function defaultScope(options: KpiScopeOptions): KpiScope {
  if (options.me?.role === 'rm') return { kind: 'me' };
  if (options.me?.role === 'team_lead' && options.me.teamCode && options.teams.includes(options.me.teamCode)) return { kind: 'team', teamCode: options.me.teamCode };
  return { kind: 'bank' };
}

/** A scope in words: 全行, 团队 team-1, 客户经理 li.wei, a segment's name. */
export function scopeLabel(scope: KpiScope, options: KpiScopeOptions | null, t: (key: string) => string, language: string): string {
  switch (scope.kind) {
    case 'me':
    case 'bank':
      return t(`scope.kind.${scope.kind}`);
    case 'rm':
      return `${t('scope.kind.rm')} ${scope.login}`;
    case 'team':
      return `${t('scope.kind.team')} ${scope.teamCode}`;
    case 'segment': {
      const segment = options?.segments.find((s) => s.id === scope.segmentId);
      return segment ? (language === 'en' && segment.nameEn ? segment.nameEn : segment.name) : t('scope.kind.segment');
    }
  }
}
