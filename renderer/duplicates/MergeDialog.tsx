import { Alert, App, Button, Modal, Popconfirm, Radio, Skeleton, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { MERGE_BOTH_FIELDS, MERGE_FIELDS, type MergePick } from '../../shared/api/duplicatesContract.ts';
import type { MethodOutput } from '../../shared/api/contract.ts';
import type { Client } from '../../shared/domain/index.ts';
import { formatDate, formatMoney, formatNumber, type Language } from '../../shared/format/index.ts';
import { call } from '../backend.ts';
import { errorText } from '../forms/errorText.ts';
import { useLanguage } from '../i18n/index.ts';

type Side = 'a' | 'b';
type Choice = Side | 'both';
type Compared = MethodOutput<'duplicates.compare'>;
type Field = (typeof MERGE_FIELDS)[number];

const ENUM_FIELDS = new Set(['industry', 'region', 'sizeBand', 'status']);
const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
const same = (x: unknown, y: unknown) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);
const canKeepBoth = (field: string) => (MERGE_BOTH_FIELDS as readonly string[]).includes(field);

function shown(field: Field, client: Client, t: TFunction, language: Language): string {
  const value = client[field];
  if (isEmpty(value)) return t('duplicates.dialog.empty');
  if (ENUM_FIELDS.has(field)) return t(`enums.${field}.${String(value)}`);
  if (field === 'annualRevenueMinor' || field === 'totalAssetsMinor') return formatMoney(value as number, client.financialsCurrency, language);
  if (field === 'relationshipStart') return formatDate(value as string, language);
  if (field === 'tags') return (value as string[]).join(language === 'en' ? ', ' : '、');
  return String(value);
}

/** The default: the survivor's value, or the other's where the survivor has none; tags and notes of both where both have some. */
function defaults(data: Compared, survivor: Side): Record<string, Choice> {
  const other: Side = survivor === 'a' ? 'b' : 'a';
  const picks: Record<string, Choice> = {};
  for (const field of MERGE_FIELDS) {
    const mine = data[survivor][field];
    const theirs = data[other][field];
    if (same(mine, theirs)) continue;
    if (canKeepBoth(field) && !isEmpty(mine) && !isEmpty(theirs)) picks[field] = 'both';
    else picks[field] = isEmpty(mine) && !isEmpty(theirs) ? other : survivor;
  }
  return picks;
}

/**
 * Merges two clients: which one survives, then the surviving value of every field that differs (tags and notes may keep
 * both); shows what moves from the merged-away client, asks once more, and hands the survivor back.
 */
export function MergeDialog({ a, b, onClose, onMerged }: { a: string; b: string; onClose: () => void; onMerged: (survivor: Client) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [data, setData] = useState<Compared | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [survivor, setSurvivor] = useState<Side>('a');
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    let live = true;
    call('duplicates.compare', { a, b }).then((result) => {
      if (!live) return;
      setData(result);
      // The older record survives by default: its id is the one others know.
      const first: Side = result.a.createdAt <= result.b.createdAt ? 'a' : 'b';
      setSurvivor(first);
      setChoices(defaults(result, first));
    }, (e: unknown) => live && setError(errorText(e, t)));
    return () => {
      live = false;
    };
  }, [a, b, t]);

  const differing = useMemo(() => (data ? MERGE_FIELDS.filter((f) => !same(data.a[f], data.b[f])) : []), [data]);
  const merged: Side = survivor === 'a' ? 'b' : 'a';
  const label = (field: string) => (field === 'referredById' ? t('duplicates.field.referredById') : t(`clients.field.${field}`));

  const moves = data
    ? Object.entries(data.counts[merged]).filter(([, n]) => n > 0).map(([entity, n]) => `${t(`entityNoun.${entity}`, { defaultValue: entity })} ${formatNumber(n, language)}`)
    : [];

  const submit = async () => {
    if (!data) return;
    setSaving(true);
    setError(null);
    try {
      const picks: Record<string, MergePick> = {};
      for (const field of differing) {
        const choice = choices[field] ?? survivor;
        picks[field] = choice === 'both' ? 'both' : choice === survivor ? 'survivor' : 'merged';
      }
      const result = await call('clients.merge', { survivorId: data[survivor].id, mergedId: data[merged].id, picks });
      message.success(t('duplicates.dialog.done', { name: result.legalName }));
      onMerged(result);
    } catch (e) {
      setError(errorText(e, t));
      setSaving(false);
    }
  };

  const name = (side: Side) => data?.[side].legalName ?? '';
  return (
    <Modal
      open
      width={960}
      centered
      // The fields scroll inside the dialog, so the merge button stays on screen.
      styles={{ body: { maxHeight: 'calc(100vh - 180px)', overflowY: 'auto' } }}
      title={t('duplicates.dialog.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Popconfirm
            title={t('duplicates.dialog.confirmTitle', { merged: name(merged), survivor: name(survivor) })}
            description={t('duplicates.dialog.confirmHint')}
            okText={t('duplicates.dialog.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={submit}
          >
            <Button type="primary" danger disabled={!data} loading={saving}>{t('duplicates.dialog.confirm')}</Button>
          </Popconfirm>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {!data ? (
        !error && <div aria-busy="true"><span className="crm-muted">{t('duplicates.dialog.loading')}</span><Skeleton active /></div>
      ) : (
        <div className="crm-merge" data-testid="merge-dialog">
          <fieldset className="crm-merge-survivor">
            <legend>{t('duplicates.dialog.survivor')}</legend>
            <Radio.Group
              value={survivor}
              onChange={(e) => {
                const side = e.target.value as Side;
                setSurvivor(side);
                setChoices(defaults(data, side));
              }}
            >
              <Space orientation="vertical">
                {(['a', 'b'] as const).map((side) => (
                  <Radio key={side} value={side}>
                    {data[side].legalName} <span className="crm-muted">· {data[side].creditCode} · {data[side].ownerLogin}</span>
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
            <Typography.Paragraph className="crm-muted" style={{ margin: '8px 0 0' }}>{t('duplicates.dialog.survivorHint')}</Typography.Paragraph>
            <div className="crm-muted" data-testid="merge-moves">{moves.length > 0 ? t('duplicates.dialog.moves', { list: moves.join(language === 'en' ? ', ' : '、') }) : t('duplicates.dialog.nothingMoves')}</div>
          </fieldset>
          <table className="crm-merge-table">
            <thead>
              <tr>
                <th scope="col">{t('duplicates.dialog.field')}</th>
                <th scope="col">{data.a.legalName}</th>
                <th scope="col">{data.b.legalName}</th>
                <th scope="col">{t('duplicates.dialog.both')}</th>
              </tr>
            </thead>
            <tbody>
              {MERGE_FIELDS.map((field) => {
                const differs = differing.includes(field);
                const choice = choices[field] ?? survivor;
                const cell = (side: Side) => (
                  <td className={differs && choice === side ? 'crm-merge-picked' : undefined}>
                    {differs ? (
                      <Radio
                        name={`merge-${field}`}
                        checked={choice === side}
                        onChange={() => setChoices((c) => ({ ...c, [field]: side }))}
                        aria-label={`${label(field)}: ${shown(field, data[side], t, language)}`}
                      >
                        <span className="crm-merge-value">{shown(field, data[side], t, language)}</span>
                      </Radio>
                    ) : (
                      <span className="crm-merge-value crm-muted">{shown(field, data[side], t, language)}</span>
                    )}
                  </td>
                );
                return (
                  <tr key={field} data-testid={`merge-field-${field}`}>
                    <th scope="row">{label(field)}</th>
                    {cell('a')}
                    {cell('b')}
                    <td>
                      {differs && canKeepBoth(field) ? (
                        <Radio name={`merge-${field}`} checked={choice === 'both'} onChange={() => setChoices((c) => ({ ...c, [field]: 'both' }))}>
                          {t('duplicates.dialog.both')}
                        </Radio>
                      ) : !differs ? <span className="crm-muted">{t('duplicates.dialog.same')}</span> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Modal>
  );
}
