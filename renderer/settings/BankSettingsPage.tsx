import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Popconfirm, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankSettingsView } from '../../shared/api/bankSettingsContract.ts';
import type { DeviceUser } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { ExchangeRateFields, type ExchangeRate } from '../../shared/domain/index.ts';
import { formatDate } from '../../shared/format/index.ts';
import { RiskThresholds } from '../../shared/risk/thresholds.ts';
import { call } from '../backend.ts';
import { EntityModal } from '../forms/EntityModal.tsx';
import { errorText } from '../forms/errorText.ts';
import { parseWith } from '../forms/issues.ts';
import { useLanguage } from '../i18n/index.ts';
import { translateIssue } from '../i18n/issues.ts';
import { dataChangeStore, useDataChanges } from '../shell/dataChanges.ts';

const THRESHOLD_KEYS = Object.keys(RiskThresholds.shape) as Array<keyof RiskThresholds>;
/** Decimal places each threshold takes (factors, DSCR headroom and shares are fractions; the rest whole numbers). */
const PRECISION: Partial<Record<keyof RiskThresholds, number>> = { contactOverdueFactor: 2, dscrHeadroom: 2, concentrationShare: 2 };

/** Bank settings (admin): the reporting currency, the exchange-rate table and the risk-alert thresholds; synced to every device. */
export function BankSettingsPage() {
  const { t } = useTranslation();
  const version = useDataChanges((s) => s.version);
  const [settings, setSettings] = useState<BankSettingsView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [user, setUser] = useState<DeviceUser | null>(null);
  useEffect(() => {
    let current = true;
    call('bankSettings.current', {}).then((s) => current && (setSettings(s), setError(null)), (e: unknown) => current && setError(e));
    return () => {
      current = false;
    };
  }, [version]);
  useEffect(() => {
    call('identity.get', {}).then(setUser, () => setUser(null));
  }, []);
  if (error !== null && !settings) return <Alert type="error" showIcon title={errorText(error, t)} />;
  if (!settings) return <Skeleton active aria-busy="true" />;
  // Only an admin writes bank-wide data (the server refuses the others); a device with no user yet may try, and the server decides.
  const mayEdit = !user || user.role === 'admin';
  return (
    <div className="crm-settings" style={{ overflow: 'auto' }}>
      <div className="crm-toolbar"><Typography.Title level={2} className="crm-page-title">{t('bankSettings.title')}</Typography.Title></div>
      <Alert type={mayEdit ? 'info' : 'warning'} showIcon style={{ marginBottom: 12 }}
        title={user ? t('bankSettings.adminOnly', { login: user.login, role: t(`bankSettings.role.${user.role}`) }) : t('bankSettings.noUser')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ReportingCurrency settings={settings} disabled={!mayEdit} />
          <Rates settings={settings} disabled={!mayEdit} />
        </Col>
        <Col xs={24} xl={12}>
          <Thresholds settings={settings} disabled={!mayEdit} />
        </Col>
      </Row>
    </div>
  );
}

/** Field messages of a refused save, by the last segment of their path. */
function issuesByField(error: unknown, t: Parameters<typeof translateIssue>[1]): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.issues.map((i) => [i.path.split('.').at(-1) ?? '', translateIssue(i.message, t)]));
}

function ReportingCurrency({ settings, disabled }: { settings: BankSettingsView; disabled: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [currency, setCurrency] = useState(settings.reportingCurrency);
  const [problem, setProblem] = useState<string | null>(null);
  const save = async () => {
    setProblem(null);
    try {
      await call('bankSettings.set', { key: 'reportingCurrency', value: currency.trim().toUpperCase() });
      message.success(t('bankSettings.saved'));
      dataChangeStore.getState().changed();
    } catch (error) {
      setProblem(Object.values(issuesByField(error, t))[0] ?? errorText(error, t));
    }
  };
  return (
    <Card size="small" title={<>{t('bankSettings.reporting')} {settings.isDefault.reportingCurrency && <Tag>{t('bankSettings.default')}</Tag>}</>} style={{ marginBottom: 16 }}>
      <Typography.Paragraph className="crm-muted">{t('bankSettings.reportingHint')}</Typography.Paragraph>
      <Form layout="inline" onFinish={() => void save()}>
        <Form.Item label={t('bankSettings.reporting')} validateStatus={problem ? 'error' : undefined} help={problem}>
          <Input value={currency} maxLength={3} style={{ width: 90 }} disabled={disabled} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
        </Form.Item>
        <Button htmlType="submit" type="primary" disabled={disabled || currency === settings.reportingCurrency}>{t('bankSettings.saveReporting')}</Button>
      </Form>
    </Card>
  );
}

function Rates({ settings, disabled }: { settings: BankSettingsView; disabled: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<ExchangeRate | 'new' | null>(null);
  const changed = () => dataChangeStore.getState().changed();
  const remove = async (rate: ExchangeRate) => {
    try {
      await call('exchangeRates.delete', { id: rate.id });
      changed();
    } catch (error) {
      message.error(errorText(error, t));
    }
  };
  return (
    <Card size="small" title={t('bankSettings.rates')} extra={!disabled && <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>{t('bankSettings.addRate')}</Button>}>
      <Typography.Paragraph className="crm-muted">{t('bankSettings.ratesHint')}</Typography.Paragraph>
      <Table<ExchangeRate>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={settings.rates}
        locale={{ emptyText: t('bankSettings.noRates') }}
        data-testid="rates-table"
        columns={[
          { title: t('bankSettings.currency'), dataIndex: 'currency' },
          { title: t('bankSettings.quote'), dataIndex: 'quoteCurrency' },
          { title: t('bankSettings.rate'), dataIndex: 'rate', align: 'right', render: (rate: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 6 }).format(rate) },
          { title: t('bankSettings.asOf'), dataIndex: 'asOf', render: (day: string) => formatDate(day, language) },
          ...(disabled ? [] : [{
            title: t('common.actions'), key: 'actions', render: (_: unknown, rate: ExchangeRate) => (
              <Space size={2}>
                <Button size="small" type="text" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(rate)} aria-label={`${t('bankSettings.editRate')} · ${rate.currency} ${rate.asOf}`} />
                <Popconfirm title={t('common.confirmDelete', { name: `${rate.currency} ${rate.asOf}` })} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => void remove(rate)}>
                  <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={`${t('common.delete')} · ${rate.currency} ${rate.asOf}`} />
                </Popconfirm>
              </Space>
            ),
          }]),
        ]}
      />
      {editing && <RateModal rate={editing === 'new' ? null : editing} reportingCurrency={settings.reportingCurrency} onClose={() => setEditing(null)} onSaved={changed} />}
    </Card>
  );
}

interface RateValues {
  currency: string;
  quoteCurrency: string;
  rate: number | null;
  asOf: string;
}

function RateModal({ rate, reportingCurrency, onClose, onSaved }: { rate: ExchangeRate | null; reportingCurrency: string; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const initialValues: RateValues = {
    currency: rate?.currency ?? '', quoteCurrency: rate?.quoteCurrency ?? reportingCurrency, rate: rate?.rate ?? null, asOf: rate?.asOf ?? dayjs().format('YYYY-MM-DD'),
  };
  const save = async (input: ExchangeRateFields) => {
    if (rate) await call('exchangeRates.update', { id: rate.id, patch: input });
    else await call('exchangeRates.create', input);
    onSaved();
  };
  return (
    <EntityModal
      title={t(rate ? 'bankSettings.editRate' : 'bankSettings.newRate')}
      initialValues={initialValues}
      parse={(v) => parseWith(ExchangeRateFields, { ...v, currency: v.currency.trim().toUpperCase(), quoteCurrency: v.quoteCurrency.trim().toUpperCase() })}
      save={save}
      onClose={onClose}
      width={560}
    >
      <Row gutter={12}>
        <Col span={12}><Form.Item name="currency" label={t('bankSettings.currency')} required><Input maxLength={3} autoFocus /></Form.Item></Col>
        <Col span={12}><Form.Item name="quoteCurrency" label={t('bankSettings.quote')} required><Input maxLength={3} /></Form.Item></Col>
        <Col span={12}><Form.Item name="rate" label={t('bankSettings.rate')} required><InputNumber min={0} step={0.0001} style={{ width: '100%' }} /></Form.Item></Col>
        <Col span={12}>
          <Form.Item name="asOf" label={t('bankSettings.asOf')} required
            getValueProps={(value: string) => ({ value: value ? dayjs(value) : null })} normalize={(value: dayjs.Dayjs | null) => (value ? value.format('YYYY-MM-DD') : '')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </EntityModal>
  );
}

function Thresholds({ settings, disabled }: { settings: BankSettingsView; disabled: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RiskThresholds>();
  const [saving, setSaving] = useState(false);
  useEffect(() => form.setFieldsValue(settings.riskThresholds), [form, settings]);
  const showProblems = (problems: Record<string, string>) =>
    form.setFields(Object.entries(problems).map(([name, m]) => ({ name: name as keyof RiskThresholds, errors: [m] })));
  const save = async () => {
    form.setFields(THRESHOLD_KEYS.map((name) => ({ name, errors: [] })));
    const parsed = RiskThresholds.safeParse(form.getFieldsValue(true));
    if (!parsed.success) {
      showProblems(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), translateIssue(i.message, t)])));
      return;
    }
    setSaving(true);
    try {
      await call('bankSettings.set', { key: 'riskThresholds', value: parsed.data });
      message.success(t('bankSettings.saved'));
      dataChangeStore.getState().changed();
    } catch (error) {
      const all = issuesByField(error, t);
      const problems = Object.fromEntries(Object.entries(all).filter(([field]) => (THRESHOLD_KEYS as string[]).includes(field)));
      if (Object.keys(problems).length) showProblems(problems);
      else message.error(Object.values(all)[0] ?? errorText(error, t));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title={<>{t('bankSettings.thresholds')} {settings.isDefault.riskThresholds && <Tag>{t('bankSettings.default')}</Tag>}</>}>
      <Typography.Paragraph className="crm-muted">{t('bankSettings.thresholdsHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={settings.riskThresholds} onFinish={() => void save()} disabled={disabled}>
        <Row gutter={12}>
          {THRESHOLD_KEYS.map((key) => (
            <Col span={12} key={key}>
              <Form.Item name={key} label={t(`bankSettings.threshold.${key}`)}>
                <InputNumber precision={PRECISION[key] ?? 0} step={PRECISION[key] ? 0.05 : 1} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Button htmlType="submit" type="primary" loading={saving}>{t('bankSettings.saveThresholds')}</Button>
      </Form>
    </Card>
  );
}
