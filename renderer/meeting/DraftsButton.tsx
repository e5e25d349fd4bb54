import { FileTextOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDraftSummary } from '../../shared/meetings/draft.ts';
import { formatDateTime } from '../../shared/format/index.ts';
import { call } from '../backend.ts';
import { useLanguage } from '../i18n/index.ts';
import { navigate, routeHref, useRoute } from '../shell/router.ts';
import './meeting.css';

/** Header menu of unfinished meeting drafts, one per client, so that none is forgotten. */
export function DraftsButton() {
  const { t } = useTranslation();
  const language = useLanguage();
  const screen = routeHref(useRoute());
  const [drafts, setDrafts] = useState<MeetingDraftSummary[]>([]);

  const load = useCallback(() => {
    let current = true;
    call('drafts.list', {}).then((list) => current && setDrafts(list), () => undefined);
    return () => {
      current = false;
    };
  }, []);
  // Drafts change in meeting mode: look again when the screen changes and when the menu opens, never in between.
  useEffect(load, [load, screen]);

  const title = t('meeting.draftsTitle');
  return (
    <Dropdown
      trigger={['click']}
      onOpenChange={(open) => open && load()}
      menu={{
        items: drafts.length
          ? drafts.map((d) => ({
            key: d.clientId,
            label: <span><strong>{d.legalName}</strong> · {formatDateTime(d.updatedAt, language)}<br /><span className="crm-muted">{d.excerpt}</span></span>,
          }))
          : [{ key: 'none', label: t('meeting.draftsEmpty'), disabled: true }],
        onClick: ({ key }) => key !== 'none' && navigate({ name: 'meeting', id: key }),
      }}
    >
      <Tooltip title={title}>
        <Button type="text" className="crm-drafts-button" data-testid="drafts-button" aria-label={`${title} (${drafts.length})`}>
          <Badge count={drafts.length} size="small" offset={[4, -2]} color="#c41d1d">
            <FileTextOutlined style={{ fontSize: 18 }} aria-hidden />
          </Badge>
        </Button>
      </Tooltip>
    </Dropdown>
  );
}
