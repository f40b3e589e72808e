import { useEffect, useState } from 'react';
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Result, Space, Spin, Typography } from 'antd';
import enUS from 'antd/es/locale/en_US.js';
import zhCN from 'antd/es/locale/zh_CN.js';
import { api, ApiError, useCsrfToken } from './api.js';
import type { ConsoleAction, Session } from './api-types.js';
import { LanguageContext, useT, type Language, type StringKey } from './i18n.js';
import { AccessLogPage } from './pages/AccessLogPage.js';
import { AuditSearchPage } from './pages/AuditSearchPage.js';
import { CataloguePage } from './pages/CataloguePage.js';
import { FindingsInboxPage } from './pages/FindingsInboxPage.js';
import { OperationsPage } from './pages/OperationsPage.js';
import { ReplayPage } from './pages/ReplayPage.js';
import { SignInPage } from './pages/SignInPage.js';
import { VerifyPage } from './pages/VerifyPage.js';
import { THEME } from './theme.js';

/** The console's pages: where each is (its hash), its title, and what the role needs to open it. */
const PAGES: { path: string; title: StringKey; needs: ConsoleAction; render: (session: Session) => React.ReactNode }[] = [
  { path: 'findings', title: 'findingsInbox', needs: 'read-own-findings', render: (session) => <FindingsInboxPage session={session} /> },
  { path: 'audit', title: 'auditSearch', needs: 'search-all-findings', render: (session) => <AuditSearchPage session={session} /> },
  { path: 'verify', title: 'verify', needs: 'verify-audit', render: () => <VerifyPage /> },
  { path: 'replay', title: 'replay', needs: 'replay-log', render: () => <ReplayPage /> },
  { path: 'access-log', title: 'accessLog', needs: 'read-access-log', render: () => <AccessLogPage /> },
  { path: 'catalogue', title: 'catalogue', needs: 'read-catalogue', render: (session) => <CataloguePage session={session} /> },
  { path: 'operations', title: 'operations', needs: 'read-operations', render: () => <OperationsPage /> },
];

const currentPath = () => window.location.hash.replace(/^#\/?/, '');

function Shell({ session, onSignedOut, language, setLanguage }: { session: Session; onSignedOut: () => void; language: Language; setLanguage: (language: Language) => void }) {
  const t = useT();
  const [path, setPath] = useState(currentPath());
  useEffect(() => {
    const onHash = () => setPath(currentPath());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const open = PAGES.filter((page) => session.permissions.includes(page.needs));
  const page = PAGES.find((candidate) => candidate.path === path) ?? open[0];
  useEffect(() => {
    document.title = `${page ? t(page.title) : ''} · ${t('appName')}`;
  });
  const signOut = async () => {
    await api('DELETE', '/api/session');
    onSignedOut();
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', background: '#0b3d91' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
          {t('appName')}
        </Typography.Text>
        <Space>
          <Typography.Text style={{ color: '#fff' }}>
            {t('signedInAs')}: {session.displayName}（{session.member}）
          </Typography.Text>
          <Button size="small" onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}>
            {t('language')}
          </Button>
          <Button size="small" onClick={() => void signOut()}>
            {t('signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={220} theme="light">
          <nav aria-label={t('appName')}>
            <Menu mode="inline" selectedKeys={page ? [page.path] : []} items={open.map((candidate) => ({ key: candidate.path, label: <a href={`#/${candidate.path}`}>{t(candidate.title)}</a> }))} />
          </nav>
        </Layout.Sider>
        {/* Ant Design's Layout.Content is the page's <main> landmark. */}
        <Layout.Content style={{ padding: 24 }}>
          {page && session.permissions.includes(page.needs) ? (
            <>
              <Typography.Title level={1} style={{ fontSize: 24 }}>
                {t(page.title)}
              </Typography.Title>
              {page.render(session)}
            </>
          ) : (
            <Result status="403" title="403" subTitle={t('forbiddenPage')} />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

export function App() {
  const [language, setLanguage] = useState<Language>(() => (localStorage.getItem('hub-console-language') === 'en' ? 'en' : 'zh'));
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const changeLanguage = (next: Language) => {
    localStorage.setItem('hub-console-language', next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    setLanguage(next);
  };
  const take = (next: Session | null) => {
    useCsrfToken(next?.csrfToken);
    setSession(next);
  };
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    api<Session>('GET', '/api/session').then(take, (error: unknown) => {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) take(null);
      else throw error;
    });
  }, []);
  return (
    <LanguageContext.Provider value={language}>
      <ConfigProvider locale={language === 'zh' ? zhCN : enUS} theme={THEME} button={{ autoInsertSpace: false }}>
        <AntApp>
          {session === undefined ? (
            <Spin fullscreen />
          ) : session?.stage === 'active' ? (
            <Shell session={session} onSignedOut={() => take(null)} language={language} setLanguage={changeLanguage} />
          ) : (
            <SignInPage session={session} onSession={take} language={language} setLanguage={changeLanguage} />
          )}
        </AntApp>
      </ConfigProvider>
    </LanguageContext.Provider>
  );
}
