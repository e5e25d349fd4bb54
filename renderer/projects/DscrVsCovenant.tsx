import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../shared/domain/index.ts';

/** Distance of a DSCR from its covenant at which a risk alert fires (product.md: within 0.10x). */
const NEAR = 0.1;

export function dscrStanding(project: Pick<Project, 'dscrMin' | 'covenantMinDscr'>): 'below' | 'near' | 'ok' | 'unknown' {
  if (project.dscrMin === null || project.covenantMinDscr === null) return 'unknown';
  if (project.dscrMin < project.covenantMinDscr) return 'below';
  return project.dscrMin - project.covenantMinDscr <= NEAR + 1e-9 ? 'near' : 'ok';
}

export function DscrVsCovenant({ project }: { project: Project }) {
  const { t } = useTranslation();
  const x = (v: number | null) => (v === null ? t('common.none') : `${v.toFixed(2)}x`);
  const standing = dscrStanding(project);
  return (
    <span>
      {x(project.dscrMin)} / {x(project.dscrAvg)} <span className="crm-muted">vs</span> {x(project.covenantMinDscr)}{' '}
      {standing === 'below' && <Tag color="#a8071a">{t('projects.belowCovenant')}</Tag>}
      {standing === 'near' && <Tag color="#874d00">{t('projects.nearCovenant')}</Tag>}
    </span>
  );
}
