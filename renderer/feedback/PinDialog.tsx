import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/errors.ts';
import type { PinCheck } from '../../shared/api/meetingContract.ts';
import { Pin } from '../../shared/meetings/pin.ts';
import { call } from '../backend.ts';
import { errorText } from '../forms/errorText.ts';
import { useLanguage } from '../i18n/index.ts';
import { waitText } from '../lock/waitText.ts';

/** Asks for the RM's PIN and has the backend `verify` it; `onVerified` runs only when the backend accepts it. */
export function UnlockDialog({ verify, onVerified, onCancel }: { verify(pin: string): Promise<PinCheck>; onVerified(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const { ok, retryInMs } = await verify(pin);
      if (ok) onVerified();
      else {
        setError(retryInMs ? t('pin.tooMany', { wait: waitText(retryInMs, language) }) : t('pin.wrong'));
        setPin('');
      }
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('pin.enter')} okText={t('pin.unlock')} cancelText={t('common.cancel')} onOk={() => void submit()} onCancel={onCancel} confirmLoading={busy} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form layout="vertical" component="div">
        <Form.Item label={t('pin.title')} htmlFor="unlock-pin">
          <Input.Password id="unlock-pin" autoFocus inputMode="numeric" autoComplete="off" value={pin} maxLength={12}
            onChange={(e) => setPin(e.target.value)} onPressEnter={() => void submit()} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Sets (or changes) the RM's PIN; the backend keeps only a salted scrypt hash. */
export function SetPinDialog({ isSet, onSaved, onCancel }: { isSet: boolean; onSaved(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [values, setValues] = useState({ currentPin: '', pin: '', confirm: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const found: Record<string, string> = {};
    if (!Pin.safeParse(values.pin).success) found.pin = t('pin.format');
    else if (values.pin !== values.confirm) found.confirm = t('pin.mismatch');
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      await call('settings.setPin', { pin: values.pin, ...(isSet ? { currentPin: values.currentPin } : {}) });
      message.success(t('pin.saved'));
      onSaved();
    } catch (failure) {
      if (failure instanceof ApiError && failure.issues.some((i) => i.path === 'currentPin')) setErrors({ currentPin: t('pin.wrong') });
      else setErrors({ pin: errorText(failure, t) });
    } finally {
      setBusy(false);
    }
  };
  const field = (name: keyof typeof values, label: string, autoFocus = false) => (
    <Form.Item label={label} htmlFor={`set-pin-${name}`} validateStatus={errors[name] ? 'error' : undefined} help={errors[name]} required>
      <Input.Password id={`set-pin-${name}`} autoFocus={autoFocus} inputMode="numeric" autoComplete="new-password" maxLength={12} value={values[name]}
        onChange={(e) => setValues({ ...values, [name]: e.target.value })} onPressEnter={() => void submit()} />
    </Form.Item>
  );
  return (
    <Modal open title={t('pin.setTitle')} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => void submit()} onCancel={onCancel} confirmLoading={busy} destroyOnHidden>
      <p>{t('pin.setHint')}</p>
      <Form layout="vertical" component="div">
        {isSet && field('currentPin', t('pin.currentPin'), true)}
        {field('pin', t('pin.pin'), !isSet)}
        {field('confirm', t('pin.confirm'))}
      </Form>
    </Modal>
  );
}
