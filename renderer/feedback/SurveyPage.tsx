import { LockOutlined } from '@ant-design/icons';
import { identityStore } from '../identity/identity.ts';
import { Alert, Button, Input, Result, Segmented, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../backend.ts';
import { errorText } from '../forms/errorText.ts';
import { todayIso } from '../../shared/format/index.ts';
import { navigate } from '../shell/router.ts';
import { clientListStore, clientModeStore, settingsStore, useSettings } from '../shell/stores.ts';
import { UnlockDialog } from './PinDialog.tsx';
import { ScoreScale } from './ScoreScale.tsx';
import '../meeting/meeting.css';

/**
 * The client-facing survey: the only screen while client mode is on. It shows the client's own name and
 * the questions, nothing else; the RM's PIN returns to the workspace.
 */
export function SurveyPage({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const language = useSettings((s) => s.language);
  const [client, setClient] = useState<{ legalName: string; ownerLogin: string } | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [csat, setCsat] = useState<number | null>(null);
  const [nps, setNps] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [unlocking, setUnlocking] = useState(false);

  useEffect(() => {
    call('clientMode.survey', {}).then((c) => setClient({ legalName: c.legalName, ownerLogin: c.ownerLogin }), setLoadError);
  }, [clientId]);

  const submit = async () => {
    if (!client) return;
    if (csat === null && nps === null) {
      setError(t('survey.scoreRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('feedback.create', {
        clientId, csat, nps, comment, channel: 'survey', givenOn: todayIso(), capturedBy: (identityStore.getState().user?.login ?? '') || client.ownerLogin,
      });
      setSent(true);
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  const again = () => {
    setCsat(null);
    setNps(null);
    setComment('');
    setSent(false);
  };

  return (
    <div className="crm-survey" data-testid="client-survey">
      <header className="crm-survey-head">
        <Segmented
          aria-label={t('app.language')}
          value={language}
          onChange={(value) => settingsStore.getState().setLanguage(value === 'en' ? 'en' : 'zh-CN')}
          options={[{ label: '中文', value: 'zh-CN' }, { label: 'English', value: 'en' }]}
        />
      </header>
      <main className="crm-survey-card">
        {loadError !== null ? (
          <Result status="error" title={t('common.error')} subTitle={errorText(loadError, t)} />
        ) : !client ? (
          <Skeleton active />
        ) : sent ? (
          <Result status="success" title={t('survey.thanks')} subTitle={t('survey.thanksHint')} extra={<Button onClick={again}>{t('survey.another')}</Button>} />
        ) : (
          <>
            <Typography.Title level={1} className="crm-survey-title">{t('survey.title')}</Typography.Title>
            <p className="crm-survey-client">{client.legalName}</p>
            <p>{t('survey.intro')}</p>
            {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
            <ScoreScale id="survey-csat" size="large" question={t('survey.csatQuestion')} min={1} max={5} low={t('survey.csatLow')} high={t('survey.csatHigh')} value={csat} onChange={setCsat} />
            <ScoreScale id="survey-nps" size="large" question={t('survey.npsQuestion')} min={0} max={10} low={t('survey.npsLow')} high={t('survey.npsHigh')} value={nps} onChange={setNps} />
            <label htmlFor="survey-comment" className="crm-survey-label">{t('survey.comment')}</label>
            <Input.TextArea id="survey-comment" value={comment} onChange={(e) => setComment(e.target.value)} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={10_000} />
            <Button type="primary" size="large" loading={busy} onClick={() => void submit()} style={{ marginTop: 20 }}>{t('survey.submit')}</Button>
          </>
        )}
      </main>
      <footer className="crm-survey-foot">
        <Button type="text" icon={<LockOutlined aria-hidden />} onClick={() => setUnlocking(true)}>{t('survey.rmReturn')}</Button>
      </footer>
      {unlocking && (
        <UnlockDialog
          verify={(pin) => clientModeStore.getState().leave(pin)}
          onCancel={() => setUnlocking(false)}
          onVerified={() => {
            setUnlocking(false);
            // The list was refused while the survey was on; fetch it again for the workspace.
            clientListStore.getState().reload();
            navigate({ name: 'client', id: clientId, tab: 'feedback' }, true);
          }}
        />
      )}
    </div>
  );
}
