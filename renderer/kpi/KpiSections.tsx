import { useTranslation } from 'react-i18next';
import { routeHref, type Route } from '../shell/router.ts';

const SECTIONS = ['dashboard', 'targets', 'scorecards', 'pdca'] as const;
export type KpiSection = (typeof SECTIONS)[number];

/** The management screens side by side: dashboard, targets, RM scorecards and the PDCA board. */
export function KpiSections({ current }: { current: KpiSection }) {
  const { t } = useTranslation();
  return (
    <nav className="crm-kpi-sections" aria-label={t('dashboard.nav')}>
      {SECTIONS.map((section) => (
        <a key={section} href={routeHref({ name: section } as Route)} aria-current={section === current ? 'page' : undefined}>
          {t(`dashboard.sections.${section}`)}
        </a>
      ))}
    </nav>
  );
}
