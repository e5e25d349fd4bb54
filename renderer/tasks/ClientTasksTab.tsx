import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientProfile } from '../../shared/api/contract.ts';
import { TaskFormModal } from './TaskFormModal.tsx';
import { TaskList } from './TaskList.tsx';

export function ClientTasksTab({ profile, onChanged }: { profile: ClientProfile; onChanged(): void }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} style={{ marginBottom: 12 }}>
        {t('tasks.new')}
      </Button>
      <TaskList tasks={profile.openTasks} onChanged={onChanged} />
      {creating && <TaskFormModal clientId={profile.client.id} onClose={() => setCreating(false)} onSaved={onChanged} />}
    </>
  );
}
