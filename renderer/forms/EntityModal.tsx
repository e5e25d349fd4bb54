import { Alert, App, Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldIssue } from '../../shared/api/errors.ts';
import { isCrossFieldRule, translateIssue } from '../i18n/issues.ts';
import { fieldOf, type Parsed } from './issues.ts';
import { errorText } from './errorText.ts';

interface EntityModalProps<V extends object, I> {
  title: string;
  initialValues: V;
  /** Converts form values to the method input and validates it with the shared schema. */
  parse(values: V): Parsed<I>;
  save(input: I): Promise<unknown>;
  onClose(): void;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
  width?: number;
}

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** A create/edit dialog whose field messages come from the shared zod schemas and the backend's ApiError, translated. */
export function EntityModal<V extends object, I>({ title, initialValues, parse, save, onClose, children, width = 720 }: EntityModalProps<V, I>) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const showIssues = (issues: FieldIssue[]) => {
    const values = form.getFieldsValue(true) as Record<string, unknown>;
    const byField = new Map<string, string[]>();
    const loose: string[] = [];
    for (const issue of issues) {
      const field = fieldOf(issue.path);
      if (!(field in values)) {
        loose.push(issue.path ? `${issue.path}: ${translateIssue(issue.message, t)}` : translateIssue(issue.message, t));
        continue;
      }
      // Whatever rule an empty field breaks, what the user needs to hear is that it is required.
      const text = isBlank(values[field]) && !isCrossFieldRule(issue.message) ? t('issues.required') : translateIssue(issue.message, t);
      const known = byField.get(field) ?? [];
      if (!known.includes(text)) byField.set(field, [...known, text]);
    }
    form.setFields([...byField].map(([name, errors]) => ({ name: name as never, errors })));
    setFormError(loose.length ? loose.join('; ') : t('errors.fixFields'));
  };

  const submit = async () => {
    const values = form.getFieldsValue(true) as V;
    form.setFields(Object.keys(values).map((name) => ({ name: name as never, errors: [] })));
    setFormError(null);
    const parsed = parse(values);
    if (!parsed.ok) {
      showIssues(parsed.issues);
      return;
    }
    setSaving(true);
    try {
      await save(parsed.input);
      message.success(t('common.saved'));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) showIssues(error.issues);
      else setFormError(errorText(error, t));
    } finally {
      setSaving(false);
    }
  };

  // Closing (Escape, ×, Cancel) a form the user has typed into asks first: a stray Escape must not throw work away.
  const requestClose = () => {
    if (!form.isFieldsTouched()) {
      onClose();
      return;
    }
    modal.confirm({
      title: t('common.discardTitle'),
      content: t('common.discardHint'),
      okText: t('common.discard'),
      okButtonProps: { danger: true },
      cancelText: t('common.keepEditing'),
      onOk: onClose,
    });
  };

  return (
    <Modal
      open
      title={title}
      width={width}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={requestClose}
      maskClosable={false}
      // The form scrolls inside the dialog, so that Save stays on screen on a 720-pixel-high laptop display.
      style={{ top: 24 }}
      styles={{ body: { maxHeight: 'calc(100vh - 190px)', overflowY: 'auto', paddingInlineEnd: 8 } }}
    >
      {formError && <Alert type="error" title={formError} showIcon style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={() => void submit()} requiredMark>
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}
