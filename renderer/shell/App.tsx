import { App as AntApp, ConfigProvider, Layout, Segmented, Skeleton, Space, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ClientsPage } from '../clients/ClientsPage.tsx';
import { SearchBox } from '../search/SearchBox.tsx';
import { IdentityMenu } from '../identity/IdentityMenu.tsx';
import { IdentityGate } from '../identity/IdentityGate.tsx';
import { ClientModeGuard } from '../feedback/ClientModeGuard.tsx';
import { DraftsButton } from '../meeting/DraftsButton.tsx';
import { LockButton } from '../lock/LockButton.tsx';
import { OfflineBanner, OnlineIndicator } from './OnlineIndicator.tsx';
import { SyncStatusButton } from '../sync/SyncPanel.tsx';
import { routeHref, useRoute } from './router.ts';
import { settingsStore, useSettings } from './stores.ts';
import { THEME } from './theme.ts';

// The list is the start screen; the profile and tasks screens load on first use.
const ClientProfilePage = lazy(() => import('../profile/ClientProfilePage.tsx').then((m) => ({ default: m.ClientProfilePage })));
const HomePage = lazy(() => import('../home/HomePage.tsx').then((m) => ({ default: m.HomePage })));
const TasksPage = lazy(() => import('../tasks/TasksPage.tsx').then((m) => ({ default: m.TasksPage })));
const MeetingPage = lazy(() => import('../meeting/MeetingPage.tsx').then((m) => ({ default: m.MeetingPage })));
const DashboardPage = lazy(() => import('../kpi/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));
const TargetsPage = lazy(() => import('../targets/TargetsPage.tsx').then((m) => ({ default: m.TargetsPage })));
const ScorecardsPage = lazy(() => import('../scorecards/ScorecardsPage.tsx').then((m) => ({ default: m.ScorecardsPage })));
const PdcaPage = lazy(() => import('../pdca/PdcaPage.tsx').then((m) => ({ default: m.PdcaPage })));
const SecurityPage = lazy(() => import('../security/SecurityPage.tsx').then((m) => ({ default: m.SecurityPage })));
const SegmentsPage = lazy(() => import('../segments/SegmentsPage.tsx').then((m) => ({ default: m.SegmentsPage })));
const CoveragePage = lazy(() => import('../coverage/CoveragePage.tsx').then((m) => ({ default: m.CoveragePage })));
const RisksPage = lazy(() => import('../risks/RisksPage.tsx').then((m) => ({ default: m.RisksPage })));
const BankSettingsPage = lazy(() => import('../settings/BankSettingsPage.tsx').then((m) => ({ default: m.BankSettingsPage })));
const ImportPage = lazy(() => import('../import/ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
const DuplicatesPage = lazy(() => import('../duplicates/DuplicatesPage.tsx').then((m) => ({ default: m.DuplicatesPage })));
const QualityPage = lazy(() => import('../quality/QualityPage.tsx').then((m) => ({ default: m.QualityPage })));
const AdminPage = lazy(() => import('../admin/AdminPage.tsx').then((m) => ({ default: m.AdminPage })));

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
              <a href={routeHref({ name: 'home' })} aria-current={route.name === 'home' ? 'page' : undefined}>{t('home.nav')}</a>
              <a href={routeHref({ name: 'clients' })} aria-current={['clients', 'client', 'meeting', 'import', 'duplicates', 'quality'].includes(route.name) ? 'page' : undefined}>{t('app.nav.clients')}</a>
              <a href={routeHref({ name: 'tasks' })} aria-current={route.name === 'tasks' ? 'page' : undefined}>{t('app.nav.tasks')}</a>
              <a href={routeHref({ name: 'dashboard' })} aria-current={['dashboard', 'targets', 'scorecards', 'pdca'].includes(route.name) ? 'page' : undefined}>{t('dashboard.nav')}</a>
              <a href={routeHref({ name: 'coverage' })} aria-current={route.name === 'coverage' ? 'page' : undefined}>{t('coverage.nav')}</a>
              <a href={routeHref({ name: 'risks' })} aria-current={route.name === 'risks' ? 'page' : undefined}>{t('risks.nav')}</a>
              <a href={routeHref({ name: 'segments' })} aria-current={route.name === 'segments' ? 'page' : undefined}>{t('segments.nav')}</a>
            </nav>
            <SearchBox />
            <Space size="small" className="crm-header-tools">
              <DraftsButton />
              <IdentityMenu />
              <Segmented
                aria-label={t('app.language')}
                value={language}
                onChange={(value) => settingsStore.getState().setLanguage(value === 'en' ? 'en' : 'zh-CN')}
                options={[{ label: '中文', value: 'zh-CN' }, { label: 'English', value: 'en' }]}
              />
              <SyncStatusButton />
              <OnlineIndicator />
              <LockButton />
            </Space>
          </Layout.Header>
          <OfflineBanner />
          <Layout.Content className="crm-content">
            <main className="crm-main">
              <IdentityGate>
              <Suspense fallback={<Skeleton active />}>
                {route.name === 'home' && <HomePage />}
                {route.name === 'clients' && <ClientsPage />}
                {route.name === 'client' && <ClientProfilePage key={route.id} clientId={route.id} tab={route.tab} item={route.item} />}
                {route.name === 'tasks' && <TasksPage />}
                {route.name === 'meeting' && <MeetingPage key={route.id} clientId={route.id} />}
                {route.name === 'dashboard' && <DashboardPage />}
                {route.name === 'targets' && <TargetsPage />}
                {route.name === 'scorecards' && <ScorecardsPage />}
                {route.name === 'pdca' && <PdcaPage kpi={route.kpi} />}
                {route.name === 'security' && <SecurityPage />}
                {route.name === 'segments' && <SegmentsPage view={route.view ?? 'list'} />}
                {route.name === 'coverage' && <CoveragePage />}
                {route.name === 'risks' && <RisksPage key={route.clientId ?? ''} clientId={route.clientId} />}
                {route.name === 'settings' && <BankSettingsPage />}
                {route.name === 'import' && <ImportPage />}
                {route.name === 'duplicates' && <DuplicatesPage />}
                {route.name === 'quality' && <QualityPage />}
                {route.name === 'admin' && <AdminPage />}
              </Suspense>
              </IdentityGate>
            </main>
          </Layout.Content>
        </Layout>
        </ClientModeGuard>
      </AntApp>
    </ConfigProvider>
  );
}
