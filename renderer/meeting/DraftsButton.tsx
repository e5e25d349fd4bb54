import { FileTextOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDraftSummary } from '../../shared/meetings/draft.ts';
import { call } from '../backend.ts';
import { formatDateTime } from '../i18n/format.ts';
import { isLanguage } from '../i18n/index.ts';
import { navigate, useRoute } from '../shell/router.ts';
import './meeting.css';

/** Header menu of unfinished meeting drafts, one per client, so that none is forgotten. */
export function DraftsButton() {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  const route = useRoute();
  const [drafts, setDrafts] = useState<MeetingDraftSummary[]>([]);

  // Drafts change while meeting mode is open; look again whenever the screen changes.
  useEffect(() => {
    let current = true;
    call('drafts.list', {}).then((list) => current && setDrafts(list), () => undefined);
    return () => {
      current = false;
    };
  }, [route]);

  return (
    <Dropdown
      trigger={['click']}
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
      <Button type="text" className="crm-drafts-button" data-testid="drafts-button">
        <span className="crm-sr-only">{`${t('meeting.draftsTitle')} (${drafts.length})`}</span>
        <span aria-hidden>
          <Badge count={drafts.length} size="small" offset={[4, -2]} color="#c41d1d">
            <FileTextOutlined style={{ fontSize: 18 }} />
          </Badge>
        </span>
      </Button>
    </Dropdown>
  );
}
