import { Button, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../shared/api/contract.ts';
import { formatNumber, type Language } from '../../shared/format/index.ts';
import { percentDone, timeLeft } from './progress.ts';

/** A long sync as it runs: what it does, how far (of how much, when known), how fast, how long still; and a way to stop it. */
export function SyncProgress({ progress, language, cancelling, onCancel }: {
  progress: NonNullable<SyncStatus['progress']>;
  language: Language;
  cancelling: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const percent = percentDone(progress);
  const number = (n: number) => formatNumber(n, language);
  const left = timeLeft(progress.secondsLeft);
  const facts = [
    progress.total === null
      ? t('sync.doneCount', { done: number(progress.done) })
      : t('sync.doneOfTotal', { done: number(progress.done), total: number(progress.total) }),
    ...(progress.perSecond === null ? [] : [t('sync.perSecond', { rate: number(progress.perSecond) })]),
    ...(left ? [t(left.key, left.values)] : []),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="sync-progress">
      <Typography.Text strong>{t(progress.phase === 'push' ? 'sync.phasePush' : 'sync.phasePull')}</Typography.Text>
      {percent !== null && <Progress percent={percent} status="active" aria-label={t(progress.phase === 'push' ? 'sync.phasePush' : 'sync.phasePull')} />}
      <Typography.Text data-testid="sync-progress-facts">{facts.join(' · ')}</Typography.Text>
      <Typography.Text type="secondary">{t('sync.cancelHint')}</Typography.Text>
      <Button onClick={onCancel} loading={cancelling} data-testid="sync-cancel">{t('sync.cancel')}</Button>
    </Space>
  );
}
