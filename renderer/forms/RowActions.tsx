import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** Edit and delete buttons for one record in a profile tab. */
export function RowActions({ name, onEdit, onDelete }: { name: string; onEdit(): void; onDelete?(): void }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <Button size="small" type="text" icon={<EditOutlined aria-hidden />} onClick={onEdit} aria-label={`${t('common.edit')} ${name}`}>
        {t('common.edit')}
      </Button>
      {onDelete && (
        <Popconfirm title={t('common.confirmDelete', { name })} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={onDelete}>
          <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={`${t('common.delete')} ${name}`}>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
