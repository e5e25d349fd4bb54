import { EllipsisOutlined, FormOutlined, SmileOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../backend.ts';
import { SetPinDialog } from '../feedback/PinDialog.tsx';
import { navigate } from '../shell/router.ts';
import { clientModeStore } from '../shell/stores.ts';

/** Profile header buttons: meeting mode (or resume its draft) and the client-facing survey (needs the RM's PIN set). */
export function MeetingButtons({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const [hasDraft, setHasDraft] = useState(false);
  const [settingPin, setSettingPin] = useState<{ isSet: boolean; thenSurvey: boolean } | null>(null);

  useEffect(() => {
    let current = true;
    call('drafts.get', { clientId }).then((d) => current && setHasDraft(d !== null), () => undefined);
    return () => {
      current = false;
    };
  }, [clientId]);

  const startSurvey = async () => {
    await clientModeStore.getState().enter(clientId);
    navigate({ name: 'survey', id: clientId }, true);
  };
  const openSurvey = async () => {
    const { isSet } = await call('settings.pinStatus', {});
    if (isSet) await startSurvey();
    else setSettingPin({ isSet: false, thenSurvey: true });
  };

  return (
    <>
      <Button type="primary" icon={<FormOutlined aria-hidden />} onClick={() => navigate({ name: 'meeting', id: clientId })} data-testid="meeting-mode">
        {t(hasDraft ? 'meeting.resume' : 'meeting.open')}
      </Button>
      <Space.Compact>
        <Button icon={<SmileOutlined aria-hidden />} onClick={() => void openSurvey()}>{t('survey.open')}</Button>
        <Dropdown
          trigger={['click']}
          menu={{
            items: [{ key: 'pin', label: t('pin.change') }],
            onClick: () => void call('settings.pinStatus', {}).then(({ isSet }) => setSettingPin({ isSet, thenSurvey: false })),
          }}
        >
          <Button icon={<EllipsisOutlined aria-hidden />} aria-label={t('pin.change')} />
        </Dropdown>
      </Space.Compact>
      {settingPin && (
        <SetPinDialog
          isSet={settingPin.isSet}
          onCancel={() => setSettingPin(null)}
          onSaved={() => {
            setSettingPin(null);
            if (settingPin.thenSurvey) void startSurvey();
          }}
        />
      )}
    </>
  );
}
