import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClientStatus } from '../../shared/domain/index.ts';

// Dark tag colours keep white text above the 4.5:1 contrast ratio.
const COLORS: Record<ClientStatus, string> = { prospect: '#0b57d0', active: '#237804', dormant: '#874d00', lost: '#595959' };

export function StatusTag({ status }: { status: ClientStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`enums.status.${status}`)}</Tag>;
}
