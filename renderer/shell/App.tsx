import { App as AntApp, ConfigProvider, Layout, Segmented, Skeleton, Space, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ClientsPage } from '../clients/ClientsPage.tsx';
import { SearchBox } from '../search/SearchBox.tsx';
import { MeField } from '../settings/MeField.tsx';
import { ClientModeGuard } from '../feedback/ClientModeGuard.tsx';
import { DraftsButton } from '../meeting/DraftsButton.tsx';
import { OfflineBanner, OnlineIndicator } from './OnlineIndicator.tsx';
import { SyncStatusButton } from '../sync/SyncPanel.tsx';
import { routeHref, useRoute } from './router.ts';
import { settingsStore, useSettings } from './stores.ts';
import { THEME } from './theme.ts';

// The list is the start screen; the profile and tasks screens load on first use.
const ClientProfilePage = lazy(() => import('../profile/ClientProfilePage.tsx').then((m) => ({ default: m.ClientProfilePage })));
const TasksPage = lazy(() => import('../tasks/TasksPage.tsx').then((m) => ({ default: m.TasksPage })));
const MeetingPage = lazy(() => import('../meeting/MeetingPage.tsx').then((m) => ({ default: m.MeetingPage })));

/** Workspace layout: header (navigation, search, language, network state) and the current screen. */
export function App() {
  const { t, i18n } = useTranslation();
  const language = useSettings((s) => s.language);
  const route = useRoute();

  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
  }, [i18n, language]);

  useEffect(() => {
    document.title = t('app.title');
  }, [t, language]);

  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={THEME}>
      {/* Messages appear below the header, never over the search box. */}
      <AntApp message={{ top: 72 }}>
        <ClientModeGuard>
        <Layout style={{ height: '100vh' }}>
          <Layout.Header className="crm-header">
            <Typography.Title level={1} className="crm-brand">{t('app.title')}</Typography.Title>
            <nav aria-label={t('app.title')} className="crm-nav">
              <a href={routeHref({ name: 'clients' })} aria-current={route.name !== 'tasks' ? 'page' : undefined}>{t('app.nav.clients')}</a>
              <a href={routeHref({ name: 'tasks' })} aria-current={route.name === 'tasks' ? 'page' : undefined}>{t('app.nav.tasks')}</a>
            </nav>
            <SearchBox />
            <Space size="small" className="crm-header-tools">
              <DraftsButton />
              <MeField />
              <Segmented
                aria-label={t('app.language')}
                value={language}
                onChange={(value) => settingsStore.getState().setLanguage(value === 'en' ? 'en' : 'zh-CN')}
                options={[{ label: '中文', value: 'zh-CN' }, { label: 'English', value: 'en' }]}
              />
              <SyncStatusButton />
              <OnlineIndicator />
            </Space>
          </Layout.Header>
          <OfflineBanner />
          <Layout.Content className="crm-content">
            <main className="crm-main">
              <Suspense fallback={<Skeleton active />}>
                {route.name === 'clients' && <ClientsPage />}
                {route.name === 'client' && <ClientProfilePage key={route.id} clientId={route.id} tab={route.tab} item={route.item} />}
                {route.name === 'tasks' && <TasksPage />}
                {route.name === 'meeting' && <MeetingPage key={route.id} clientId={route.id} />}
              </Suspense>
            </main>
          </Layout.Content>
        </Layout>
        </ClientModeGuard>
      </AntApp>
    </ConfigProvider>
  );
}
