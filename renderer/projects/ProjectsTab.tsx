import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientProfile } from '../../shared/api/contract.ts';
import type { Project } from '../../shared/domain/index.ts';
import { call } from '../backend.ts';
import { RowActions } from '../forms/RowActions.tsx';
import { useUndoableDelete } from '../forms/useUndoableDelete.tsx';
import { formatDate, formatMoney, formatMoneyCompact, formatNumber } from '../i18n/format.ts';
import { isLanguage } from '../i18n/index.ts';
import { DscrVsCovenant } from './DscrVsCovenant.tsx';
import { ProjectFormModal } from './ProjectFormModal.tsx';

export function ProjectsTab({ profile, onChanged }: { profile: ClientProfile; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  const [editing, setEditing] = useState<Project | 'new' | null>(null);
  const deleteWithUndo = useUndoableDelete();
  const label = (field: string) => t(`projects.field.${field}`);
  const money = (minor: number, p: Project) => (
    <Tooltip title={formatMoney(minor, p.currency, language)}>
      <span>{formatMoneyCompact(minor, p.currency, language)}</span>
    </Tooltip>
  );
  return (
    <>
      <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} style={{ marginBottom: 12 }}>
        {t('projects.new')}
      </Button>
      <Table<Project>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 1100 }}
        dataSource={profile.projects}
        locale={{ emptyText: t('projects.empty') }}
        columns={[
          { title: label('name'), dataIndex: 'name', render: (name: string, p) => <><div>{name}</div><div className="crm-muted">{t(`enums.sector.${p.sector}`)}</div></> },
          { title: label('stage'), dataIndex: 'stage', render: (stage: Project['stage']) => <Tag>{t(`enums.stage.${stage}`)}</Tag> },
          { title: label('totalCostMinor'), dataIndex: 'totalCostMinor', align: 'right', render: (v: number, p) => money(v, p) },
          { title: label('debtAmountMinor'), dataIndex: 'debtAmountMinor', align: 'right', render: (v: number, p) => money(v, p) },
          {
            title: label('ourCommitmentMinor'), dataIndex: 'ourCommitmentMinor', align: 'right',
            render: (v: number, p) => <span data-testid="project-commitment">{formatMoney(v, p.currency, language)}</span>,
          },
          { title: label('tenorMonths'), dataIndex: 'tenorMonths', align: 'right', render: (v: number) => formatNumber(v, language) },
          { title: label('marginBps'), dataIndex: 'marginBps', align: 'right', render: (v: number) => formatNumber(v, language) },
          { title: t('projects.dscrVsCovenant'), key: 'dscr', render: (_: unknown, p) => <DscrVsCovenant project={p} /> },
          { title: label('expectedCloseDate'), dataIndex: 'expectedCloseDate', render: (d: string | null) => formatDate(d, language) || t('common.none') },
          {
            title: t('common.actions'), key: 'actions', width: 170,
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
