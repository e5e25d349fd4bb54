import { AlertOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RiskSeverity } from '../../shared/risk/alert.ts';
import { routeHref } from '../shell/router.ts';
import { useBadge } from './badgeStore.ts';
import './risks.css';

/** Tag colours with text dark enough on their background for WCAG AA. */
export const SEVERITY_COLORS: Record<RiskSeverity, { color: string; background: string; border: string }> = {
  high: { color: '#a8071a', background: '#fff1f0', border: '#ffa39e' },
  medium: { color: '#873800', background: '#fff7e6', border: '#ffd591' },
  low: { color: '#1d39c4', background: '#f0f5ff', border: '#adc6ff' },
};

/**
 * A client's open risk alerts (count, coloured by the worst) and its coverage when a contact is overdue or due soon,
 * beside its name in the list and on the profile; the alert badge opens the client's alerts.
 */
export function ClientBadges({ clientId, full = false }: { clientId: string; full?: boolean }) {
  const { t } = useTranslation();
  const badge = useBadge(clientId);
  if (!badge) return null;
  const worst = badge.worst;
  const coverage = badge.coverage && badge.coverage !== 'within' && (badge.coverage !== 'due_soon' || full) ? badge.coverage : null;
  return (
    <span className="crm-badges" data-testid="client-badges">
      {worst && (
        <a
          href={routeHref({ name: 'risks', clientId })}
          className="crm-badge"
          style={SEVERITY_COLORS[worst]}
          title={t('risks.badge', { n: badge.alerts, worst: t(`risks.severity.${worst}`) })}
          aria-label={t('risks.badge', { n: badge.alerts, worst: t(`risks.severity.${worst}`) })}
          onClick={(event) => event.stopPropagation()}
          tabIndex={full ? 0 : -1}
        >
          <AlertOutlined aria-hidden /> {full ? t('risks.count', { n: badge.alerts }) : badge.alerts}
        </a>
      )}
      {coverage && (
        <span
          className="crm-badge"
          style={coverage === 'overdue' ? SEVERITY_COLORS.high : SEVERITY_COLORS.medium}
          title={t(`risks.coverageBadge.${coverage}`, { n: badge.daysOverdue })}
          aria-label={t(`risks.coverageBadge.${coverage}`, { n: badge.daysOverdue })}
        >
          <ClockCircleOutlined aria-hidden />{full ? ` ${t(`risks.coverageBadge.${coverage}`, { n: badge.daysOverdue })}` : ''}
        </span>
      )}
    </span>
  );
}
