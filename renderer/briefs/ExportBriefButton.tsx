import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Modal, Space, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BRIEF_SECTIONS, type BriefSection } from '../../shared/briefs/brief.ts';
import { BRIEF_SECTION_TITLES } from '../../shared/briefs/sectionTitles.ts';
import { errorText } from '../forms/errorText.ts';
import { isLanguage } from '../i18n/index.ts';
import { useMyLogin } from '../identity/identity.ts';
import { lastBriefSections, rememberBriefSections } from './briefChoice.ts';
import { canExportBrief, exportBrief } from './exportBrief.ts';
import { exportStrings } from './exportStrings.ts';

/** True for the "Export brief" shortcut, Ctrl+P (⌘+P on a Mac): a brief is what an RM prints from a profile. */
const isExportShortcut = (event: KeyboardEvent) =>
  (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'p';

/** "Export brief" on a client profile: pick the sections (remembered as they are ticked), then save the PDF. */
export function ExportBriefButton({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMyLogin();
  const language = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  const s = exportStrings(language);
  const sectionNames = BRIEF_SECTION_TITLES[language];
  const [open, setOpen] = useState(false);
  const [sections, setSections] = useState<BriefSection[]>(lastBriefSections);
  const [busy, setBusy] = useState(false);
  const available = canExportBrief();

  const choose = (next: BriefSection[]) => {
    setSections(next);
    rememberBriefSections(next);
  };
  const show = () => {
    setSections(lastBriefSections());
    setOpen(true);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isExportShortcut(event)) return;
      event.preventDefault();
      show();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const run = async () => {
    setBusy(true);
    try {
      const result = await exportBrief({ clientId, language, sections, ...(me ? { actor: me } : {}) });
      if (result.saved) {
        message.success(s.saved.replace('{{file}}', result.file));
        setOpen(false);
      }
    } catch (error) {
      message.error(s.failed.replace('{{message}}', errorText(error, t)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Tooltip title={s.shortcut}>
        <Button icon={<FilePdfOutlined aria-hidden />} onClick={show} aria-keyshortcuts="Control+P Meta+P">
          {s.button}
        </Button>
      </Tooltip>
      <Modal
        open={open}
        title={s.title}
        okText={s.export}
        cancelText={t('common.cancel')}
        onOk={run}
        onCancel={() => setOpen(false)}
        confirmLoading={busy}
        okButtonProps={{ disabled: sections.length === 0 || !available }}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {!available && <Alert type="info" showIcon title={s.unavailable} />}
          <Typography.Text strong id="brief-sections-label">{s.sections}</Typography.Text>
          <Checkbox
            indeterminate={sections.length > 0 && sections.length < BRIEF_SECTIONS.length}
            checked={sections.length === BRIEF_SECTIONS.length}
            onChange={(e) => choose(e.target.checked ? [...BRIEF_SECTIONS] : [])}
          >
            {s.all}
          </Checkbox>
          <Checkbox.Group
            aria-labelledby="brief-sections-label"
            value={sections}
            onChange={(value) => choose(BRIEF_SECTIONS.filter((x) => value.includes(x)))}
            style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 6 }}
            options={BRIEF_SECTIONS.map((x) => ({ value: x, label: sectionNames[x] }))}
          />
          {sections.length === 0 && <Typography.Text type="danger">{s.pickOne}</Typography.Text>}
          <Typography.Text type="secondary">{s.language}</Typography.Text>
          <Typography.Text type="secondary">{s.offlineNote}</Typography.Text>
        </Space>
      </Modal>
    </>
  );
}
