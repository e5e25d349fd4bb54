import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from './errorText.ts';

interface UndoableDelete {
  /** Shown in the confirmation, e.g. the client's name. */
  name: string;
  remove(): Promise<unknown>;
  restore(): Promise<unknown>;
  /** Runs after the delete and again after an undo, to refresh what is on screen. */
  changed(): void;
}

/** Soft delete with an Undo button: `*.delete` now, `*.restore` if the user changes their mind. */
export function useUndoableDelete(): (target: UndoableDelete) => Promise<void> {
  const { t } = useTranslation();
  const { notification, message } = App.useApp();
  return async ({ name, remove, restore, changed }) => {
    try {
      await remove();
    } catch (error) {
      message.error(errorText(error, t));
      return;
    }
    changed();
    const key = `undo-${Date.now()}`;
    notification.info({
      key,
      title: t('common.deleted', { name }),
      placement: 'bottomLeft',
      duration: 8,
      actions: (
        <Button
          type="primary"
          size="small"
          onClick={async () => {
            notification.destroy(key);
            try {
              await restore();
              message.success(t('common.restored', { name }));
              changed();
            } catch (error) {
              message.error(errorText(error, t));
            }
          }}
        >
          {t('common.undo')}
        </Button>
      ),
    });
  };
}
