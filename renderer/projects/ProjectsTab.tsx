import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientProfile } from '../../shared/api/contract.ts';
import type { Project } from '../../shared/domain/index.ts';
import { commonCurrency, formatDate, formatMoney, formatNumber, formatScaledMoney, moneyScale, moneyUnit } from '../../shared/format/index.ts';
import { call } from '../backend.ts';
import { RowActions } from '../forms/RowActions.tsx';
import { useUndoableDelete } from '../forms/useUndoableDelete.tsx';
import { useLanguage } from '../i18n/index.ts';
import { DscrVsCovenant } from './DscrVsCovenant.tsx';
import { ProjectFormModal } from './ProjectFormModal.tsx';

const AMOUNT_FIELDS = ['totalCostMinor', 'debtAmountMinor', 'ourCommitmentMinor'] as const;

/** Oldest first, so that a project keeps its row when it is edited. */
const byCreation = (a: Project, b: Project) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

export function ProjectsTab({ profile, onChanged }: { profile: ClientProfile; onChanged(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [editing, setEditing] = useState<Project | 'new' | null>(null);
  const deleteWithUndo = useUndoableDelete();
  const label = (field: string) => t(`projects.field.${field}`);
  const projects = useMemo(() => [...profile.projects].sort(byCreation), [profile.projects]);

  // One unit for every amount in the table, named once in the headers; the exact figure is in each cell's tooltip.
  const amounts = projects.flatMap((p) => AMOUNT_FIELDS.map((field) => ({ minor: p[field], currency: p.currency })));
  const scale = moneyScale(amounts, language);
  const currency = commonCurrency(amounts);
  const unit = moneyUnit(scale, currency, language);
  const amountColumn = (field: (typeof AMOUNT_FIELDS)[number]) => ({
    title: amounts.length ? t('projects.amountHeader', { label: label(field), unit }) : label(field),
    dataIndex: field,
    align: 'right' as const,
    render: (minor: number, p: Project) => (
      <Tooltip title={formatMoney(minor, p.currency, language)}>
        <span className="crm-amount" data-testid={`project-${field}`}>
          {currency === null && <span className="crm-muted">{p.currency} </span>}
          {formatScaledMoney(minor, p.currency, scale, language)}
        </span>
      </Tooltip>
    ),
  });

  return (
    <>
      <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} style={{ marginBottom: 12 }}>
        {t('projects.new')}
      </Button>
      <Table<Project>
        rowKey="id"
        size="small"
        pagination={false}
        className="crm-table-word-heads"
        scroll={{ x: 980 }}
        dataSource={projects}
        locale={{ emptyText: t('projects.empty') }}
        columns={[
          { title: label('name'), dataIndex: 'name', width: 190, render: (name: string, p) => <><div>{name}</div><div className="crm-muted">{t(`enums.sector.${p.sector}`)}</div></> },
          { title: label('stage'), dataIndex: 'stage', render: (stage: Project['stage']) => <Tag>{t(`enums.stage.${stage}`)}</Tag> },
          ...AMOUNT_FIELDS.map(amountColumn),
          { title: label('tenorMonths'), dataIndex: 'tenorMonths', align: 'right', render: (v: number) => formatNumber(v, language) },
          { title: label('marginBps'), dataIndex: 'marginBps', align: 'right', render: (v: number) => formatNumber(v, language) },
          { title: t('projects.dscrVsCovenant'), key: 'dscr', render: (_: unknown, p) => <DscrVsCovenant project={p} /> },
          { title: label('expectedCloseDate'), dataIndex: 'expectedCloseDate', render: (d: string | null) => formatDate(d, language) || t('common.none') },
          {
            title: t('common.actions'), key: 'actions',
            render: (_: unknown, p) => (
              <RowActions
                name={p.name}
                onEdit={() => setEditing(p)}
                onDelete={() =>
                  void deleteWithUndo({
                    name: p.name,
                    remove: () => call('projects.delete', { id: p.id }),
                    restore: () => call('projects.restore', { id: p.id }),
                    changed: onChanged,
                  })
                }
              />
            ),
          },
        ]}
      />
      {editing && (
        <ProjectFormModal clientId={profile.client.id} project={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} onSaved={onChanged} />
      )}
    </>
  );
}
