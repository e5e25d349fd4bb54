import { PlusOutlined } from '@ant-design/icons';
import { Button, Popover, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionListInput, ActionRow } from '../../shared/api/kpiContract.ts';
import { call } from '../backend.ts';
import { useLatestCall } from '../kpi/useLatestCall.ts';
import { useMe } from '../kpi/useMe.ts';
import { dataChangeStore, useDataChanges } from '../shell/dataChanges.ts';
import { routeHref } from '../shell/router.ts';
import { ActionFormModal, type ActionSource } from './ActionFormModal.tsx';

/**
 * The improvement actions made from one feedback entry or risk alert (the link back from it), and a way to make one:
 * "改进措施（2）" opens the list, each action a link to the PDCA board.
 */
export function LinkedActions({ filter, source, testId }: { filter: ActionListInput; source: ActionSource; testId?: string }) {
  const { t } = useTranslation();
  const version = useDataChanges((s) => s.version);
  const [creating, setCreating] = useState(false);
  const me = useMe();
  const list = useLatestCall<ActionRow[]>(() => call('improvementActions.list', filter), JSON.stringify({ filter, version }));
  const rows = list.data ?? [];
  const content = (
    <ul className="crm-linked-actions">
      {rows.map(({ action }) => (
        <li key={action.id}>
          <a href={routeHref({ name: 'pdca' })}>{action.title}</a> <Tag>{t(`pdca.phase.${action.phase}`)}</Tag>
        </li>
      ))}
    </ul>
  );
  return (
    <span className="crm-linked-actions-cell" data-testid={testId}>
      {rows.length > 0 && (
        <Popover content={content} trigger="click">
          <Button size="small" type="link">{t('pdca.forFeedback', { count: rows.length })}</Button>
        </Popover>
      )}
      <Button size="small" type="text" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} aria-label={`${t('pdca.new')}：${source.label}`} title={t('pdca.new')} />
      {creating && (
        <ActionFormModal source={source} defaults={{ ownerLogin: me }} onClose={() => setCreating(false)} onSaved={() => dataChangeStore.getState().changed()} />
      )}
    </span>
  );
}
