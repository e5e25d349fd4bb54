import { Col, Form, Input, Row } from 'antd';
import { identityStore } from '../identity/identity.ts';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ClientFields, CLIENT_STATUSES, CREDIT_RATINGS, INDUSTRIES, REGIONS, SIZE_BANDS } from '../../shared/domain/index.ts';
import type { Client } from '../../shared/domain/index.ts';
import { call } from '../backend.ts';
import { EntityModal } from '../forms/EntityModal.tsx';
import { EnumSelect } from '../forms/EnumSelect.tsx';
import { parseWith } from '../forms/issues.ts';
import { amountText, orNull, readAmounts } from '../forms/money.ts';
import { MoneyInput } from '../forms/MoneyInput.tsx';
import { DateInput } from '../forms/DateInput.tsx';

type ClientInput = z.input<typeof ClientFields>;

interface ClientFormValues {
  legalName: string;
  englishName: string;
  creditCode: string;
  industry?: string;
  region?: string;
  sizeBand?: string;
  rating?: string;
  lastReviewRating?: string | null;
  status: string;
  ownerLogin: string;
  teamCode: string;
  relationshipStart: string;
  tags: string[];
  notes: string;
  financialsCurrency: string;
  annualRevenueMinor: string;
  totalAssetsMinor: string;
}

const AMOUNTS = ['annualRevenueMinor', 'totalAssetsMinor'] as const;

function toValues(client: Client | undefined): ClientFormValues {
  const currency = client?.financialsCurrency ?? 'CNY';
  return {
    legalName: client?.legalName ?? '',
    englishName: client?.englishName ?? '',
    creditCode: client?.creditCode ?? '',
    industry: client?.industry,
    region: client?.region,
    sizeBand: client?.sizeBand,
    rating: client?.rating,
    lastReviewRating: client?.lastReviewRating ?? null,
    status: client?.status ?? 'prospect',
    ownerLogin: client?.ownerLogin ?? identityStore.getState().user?.login ?? '',
    teamCode: client?.teamCode ?? '',
    relationshipStart: client?.relationshipStart ?? '',
    tags: client?.tags ?? [],
    notes: client?.notes ?? '',
    financialsCurrency: currency,
    annualRevenueMinor: amountText(client?.annualRevenueMinor, currency),
    totalAssetsMinor: amountText(client?.totalAssetsMinor, currency),
  };
}

function parse(values: ClientFormValues) {
  const currency = values.financialsCurrency.trim().toUpperCase() || 'CNY';
  const { amounts, issues } = readAmounts(values, AMOUNTS, currency, true);
  const input = {
    ...values,
    ...amounts,
    financialsCurrency: currency,
    lastReviewRating: values.lastReviewRating ?? null,
    relationshipStart: orNull(values.relationshipStart),
  };
  return parseWith(ClientFields, input, issues);
}

/** Create a client, or edit one when `client` is given; `referredById` creates a prospect referred by that client. */
export function ClientFormModal({ client, referredById, onClose, onSaved }: { client?: Client; referredById?: string; onClose(): void; onSaved(client: Client): void }) {
  const { t } = useTranslation();
  const label = (field: string) => t(`clients.field.${field}`);
  const save = async (input: ClientInput) => {
    // The owner changes only by reassignment on the server, never by an edit.
    const { ownerLogin: _owner, ...patch } = input;
    const saved = client ? await call('clients.update', { id: client.id, patch }) : await call('clients.create', input);
    onSaved(saved);
  };
  return (
    <EntityModal title={t(client ? 'clients.editTitle' : referredById ? 'loyalty.referralTitle' : 'clients.createTitle')} initialValues={{ ...toValues(client), ...(referredById ? { referredById } : {}) }} parse={parse} save={save} onClose={onClose} width={820}>
      <Row gutter={16}>
        <Col span={12}><Form.Item name="legalName" label={label('legalName')} required><Input autoFocus /></Form.Item></Col>
        <Col span={12}><Form.Item name="englishName" label={label('englishName')}><Input /></Form.Item></Col>
        <Col span={12}><Form.Item name="creditCode" label={label('creditCode')} required><Input maxLength={18} style={{ fontFamily: 'monospace' }} /></Form.Item></Col>
        <Col span={6}><Form.Item name="rating" label={label('rating')} required><EnumSelect values={CREDIT_RATINGS} group={null} /></Form.Item></Col>
        <Col span={6}><Form.Item name="lastReviewRating" label={label('lastReviewRating')}><EnumSelect values={CREDIT_RATINGS} group={null} allowClear /></Form.Item></Col>
        <Col span={8}><Form.Item name="industry" label={label('industry')} required><EnumSelect values={INDUSTRIES} group="industry" /></Form.Item></Col>
        <Col span={8}><Form.Item name="region" label={label('region')} required><EnumSelect values={REGIONS} group="region" /></Form.Item></Col>
        <Col span={8}><Form.Item name="sizeBand" label={label('sizeBand')} required><EnumSelect values={SIZE_BANDS} group="sizeBand" /></Form.Item></Col>
        <Col span={8}><Form.Item name="status" label={label('status')} required><EnumSelect values={CLIENT_STATUSES} group="status" /></Form.Item></Col>
        <Col span={8}>
          <Form.Item name="ownerLogin" label={label('ownerLogin')} required extra={client ? t('clients.ownerByReassignment') : undefined}>
            <Input disabled={Boolean(client)} />
          </Form.Item>
        </Col>
        <Col span={8}><Form.Item name="teamCode" label={label('teamCode')}><Input /></Form.Item></Col>
        <Col span={8}><Form.Item name="financialsCurrency" label={label('financialsCurrency')}><Input maxLength={3} /></Form.Item></Col>
        <Col span={8}><Form.Item name="annualRevenueMinor" label={label('annualRevenueMinor')}><MoneyInput currencyField="financialsCurrency" /></Form.Item></Col>
        <Col span={8}><Form.Item name="totalAssetsMinor" label={label('totalAssetsMinor')}><MoneyInput currencyField="financialsCurrency" /></Form.Item></Col>
        <Col span={8}><Form.Item name="relationshipStart" label={label('relationshipStart')}><DateInput /></Form.Item></Col>
        <Col span={16}>
          <Form.Item name="tags" label={label('tags')} extra={t('clients.tagsHint')}>
            <EnumSelect mode="tags" values={[]} group={null} tokenSeparators={[',', '，']} aria-label={label('tags')} />
          </Form.Item>
        </Col>
        <Col span={24}><Form.Item name="notes" label={label('notes')}><Input.TextArea rows={3} /></Form.Item></Col>
      </Row>
    </EntityModal>
  );
}
