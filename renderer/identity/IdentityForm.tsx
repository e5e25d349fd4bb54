import { Alert, Button, Form, Input, Radio, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeviceUserFields, type DeviceUser } from '../../shared/api/contract.ts';
import { ApiError, type FieldIssue } from '../../shared/api/errors.ts';
import { ROLES } from '../../shared/sync/protocol.ts';
import { call } from '../backend.ts';
import { errorText } from '../forms/errorText.ts';
import { fieldOf, parseWith } from '../forms/issues.ts';
import { translateIssue } from '../i18n/issues.ts';
import { identityStore } from './identity.ts';

interface Values {
  login: string;
  name: string;
  teamCode: string;
  role: string;
}
const FIELDS: Array<keyof Values> = ['login', 'name', 'teamCode', 'role'];

/** Login, name, team and role of the device's user, checked with the shared schema and saved through identity.set. */
export function IdentityForm({ initial, submitLabel, onSaved, onCancel }: { initial: DeviceUser | null; submitLabel: string; onSaved(user: DeviceUser): void; onCancel?(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const showIssues = (issues: FieldIssue[]) => {
    const byField = new Map<keyof Values, string[]>();
    const loose: string[] = [];
    const values = form.getFieldsValue(true) as Values;
    for (const issue of issues) {
      const field = fieldOf(issue.path) as keyof Values;
      if (!FIELDS.includes(field)) {
        loose.push(translateIssue(issue.message, t));
        continue;
      }
      // Whatever rule an empty field breaks, what the user needs to hear is that it is required.
      const text = String(values[field] ?? '').trim() === '' ? t('issues.required') : translateIssue(issue.message, t);
      const known = byField.get(field) ?? [];
      if (!known.includes(text)) byField.set(field, [...known, text]);
    }
    form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    setFormError(loose.length ? loose.join('; ') : t('identity.fixFields'));
  };

  const submit = async () => {
    const values = form.getFieldsValue(true) as Values;
    form.setFields(FIELDS.map((name) => ({ name, errors: [] })));
    setFormError(null);
    const parsed = parseWith(DeviceUserFields, values);
    if (!parsed.ok) return showIssues(parsed.issues);
    setSaving(true);
    try {
      const user = await call('identity.set', parsed.input);
      identityStore.getState().set(user);
      onSaved(user);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) showIssues(error.issues);
      else setFormError(errorText(error, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark
      initialValues={{ login: initial?.login ?? '', name: initial?.name ?? '', teamCode: initial?.teamCode ?? '', role: initial?.role ?? 'rm' }}
      onFinish={() => void submit()}
      data-testid="identity-form"
    >
      <Form.Item name="login" label={t('identity.login')} extra={t('identity.loginHint')} required>
        <Input autoFocus autoComplete="username" spellCheck={false} />
      </Form.Item>
      <Form.Item name="name" label={t('identity.name')} required>
        <Input autoComplete="name" />
      </Form.Item>
      <Form.Item name="teamCode" label={t('identity.team')} extra={t('identity.teamHint')}>
        <Input spellCheck={false} />
      </Form.Item>
      <Form.Item name="role" label={t('identity.role')} required>
        <Radio.Group aria-label={t('identity.role')} options={ROLES.map((role) => ({ value: role, label: t(`identity.role_${role}`) }))} />
      </Form.Item>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} role="alert" />}
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>{submitLabel}</Button>
        {onCancel && <Button onClick={onCancel}>{t('identity.cancel')}</Button>}
      </Space>
    </Form>
  );
}
