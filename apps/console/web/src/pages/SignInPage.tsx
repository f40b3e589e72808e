import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Layout, Typography } from 'antd';
import { api, ApiError } from '../api.js';
import type { Session } from '../api-types.js';
import { useT, type Language } from '../i18n.js';

interface Props {
  /** The session so far: none, or one that still needs a new password or the second factor. */
  session: Session | null;
  onSession: (session: Session | null) => void;
  language: Language;
  setLanguage: (language: Language) => void;
}

/** Signing in: the password, then as the server asks a new password and the authenticator's code (enrolling it the first time). */
export function SignInPage({ session, onSession, language, setLanguage }: Props) {
  const t = useT();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (call: () => Promise<Session>) => {
    setBusy(true);
    setError(undefined);
    try {
      onSession(await call());
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  const stage = session?.stage;
  return (
    <Layout style={{ minHeight: '100vh', alignItems: 'center', justifyContent: 'center', background: '#eef2f8' }}>
      <main>
        <Card style={{ width: 420 }}>
          <Typography.Title level={1} style={{ fontSize: 22 }}>
            {t('appName')}
          </Typography.Title>
          <Button size="small" onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')} style={{ marginBottom: 16 }}>
            {t('language')}
          </Button>
          {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" />}
          {!session && (
            <Form layout="vertical" name="sign-in" onFinish={(values: { username: string; password: string }) => void submit(() => api<Session>('POST', '/api/session', values))}>
              <Form.Item label={t('username')} name="username" rules={[{ required: true }]}>
                <Input autoComplete="username" />
              </Form.Item>
              <Form.Item label={t('password')} name="password" rules={[{ required: true }]}>
                <Input.Password autoComplete="current-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} block>
                {t('signIn')}
              </Button>
            </Form>
          )}
          {stage === 'change-password' && (
            <Form
              layout="vertical"
              name="change-password"
              onFinish={(values: { currentPassword: string; newPassword: string }) => void submit(() => api<Session>('POST', '/api/session/password', values))}
            >
              <Typography.Paragraph>{t('changePasswordHint')}</Typography.Paragraph>
              <Form.Item label={t('currentPassword')} name="currentPassword" rules={[{ required: true }]}>
                <Input.Password autoComplete="current-password" />
              </Form.Item>
              <Form.Item label={t('newPassword')} name="newPassword" rules={[{ required: true }]}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} block>
                {t('changePassword')}
              </Button>
            </Form>
          )}
          {(stage === 'second-factor' || stage === 'enrol-second-factor') && (
            <Form layout="vertical" name="second-factor" onFinish={(values: { code: string }) => void submit(() => api<Session>('POST', '/api/session/second-factor', values))}>
              <Typography.Paragraph>{stage === 'enrol-second-factor' ? t('enrolHint') : t('secondFactorHint')}</Typography.Paragraph>
              {session?.enrolment && (
                <Typography.Paragraph copyable={{ text: session.enrolment.secret }} code data-testid="totp-secret">
                  {session.enrolment.secret}
                </Typography.Paragraph>
              )}
              <Form.Item label={t('secondFactor')} name="code" rules={[{ required: true, pattern: /^\d{6}$/ }]}>
                <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} block>
                {t('confirm')}
              </Button>
            </Form>
          )}
        </Card>
      </main>
    </Layout>
  );
}
