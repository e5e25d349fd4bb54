import { UserOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsStore, useSettings } from '../shell/stores.ts';

/** The RM using this device (until server sign-in exists); used for "my tasks" and new-record defaults. */
export function MeField() {
  const { t } = useTranslation();
  const me = useSettings((s) => s.me);
  const [draft, setDraft] = useState(me);
  return (
    <Input
      aria-label={t('app.me')}
      placeholder={t('app.me')}
      prefix={<UserOutlined aria-hidden />}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => settingsStore.getState().setMe(draft)}
      onPressEnter={() => settingsStore.getState().setMe(draft)}
      style={{ width: 150 }}
    />
  );
}
