import { ArrowLeftOutlined, CheckOutlined, DeleteOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Form, Input, Popconfirm, Radio, Result, Row, Select, Skeleton, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientProfile } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { INTERACTION_TYPES } from '../../shared/domain/index.ts';
import { MeetingDraftContent, type DraftFocus } from '../../shared/meetings/draft.ts';
import { call } from '../backend.ts';
import { ClientFormModal } from '../clients/ClientFormModal.tsx';
import { errorText } from '../forms/errorText.ts';
import { formatTime, todayIso } from '../../shared/format/index.ts';
import { useLanguage } from '../i18n/index.ts';
import { translateIssue } from '../i18n/issues.ts';
import { navigate, routeHref } from '../shell/router.ts';
import { identityStore } from '../identity/identity.ts';
import { MeetingSidePanel } from './MeetingSidePanel.tsx';
import { ScoreScale } from '../feedback/ScoreScale.tsx';
import './meeting.css';
import { createDraftSaver, type DraftSaver, type SaveState } from './draftSaver.ts';
import { saveBeforeLock } from '../lock/windowLock.ts';
import { instantFromLocalInput, localDateTimeInput, nextStepFromLine } from './nextStep.ts';
import { DateInput, DateTimeInput } from '../forms/DateInput.tsx';

const ID = 'meeting-';
const LOGIN = /^[a-z0-9][a-z0-9._-]{1,63}$/;
const isModEnter = (e: KeyboardEvent) => e.key === 'Enter' && (e.ctrlKey || e.metaKey);

/** Where the caret is now, if it is in one of this screen's fields. */
function currentFocus(): DraftFocus | null {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement) || !el.id.startsWith(ID)) return null;
  let caret: number;
  try {
    caret = (el as HTMLInputElement).selectionStart ?? 0;
  } catch {
    caret = 0;
  }
  return { field: el.id.slice(ID.length), caret };
}

function restoreFocus(focus: DraftFocus | null) {
  const el = document.getElementById(`${ID}${focus?.field ?? 'notes'}`);
  if (!el) return;
  el.focus();
  if (focus && (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement)) {
    try {
      el.setSelectionRange(focus.caret, focus.caret);
    } catch {
      // Date and select inputs have no caret.
    }
  }
}

/** Meeting mode: one focused screen to record an interaction; every keystroke reaches the encrypted store within a second. */
export function MeetingPage({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [profile, setProfile] = useState<ClientProfile | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [content, setContent] = useState<MeetingDraftContent | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [issues, setIssues] = useState<Map<string, string>>(new Map());
  const [formError, setFormError] = useState<string | null>(null);
  const [finishing, setFinishing] = useState(false);
  const [rms, setRms] = useState<string[]>([]);
  const [referring, setReferring] = useState(false);
  const saver = useRef<DraftSaver | null>(null);
  const contentRef = useRef<MeetingDraftContent | null>(null);
  const pendingFocus = useRef<DraftFocus | null | undefined>(undefined);
  const me = identityStore.getState().user?.login ?? '';

  useEffect(() => {
    let current = true;
    call('meetings.rms', {}).then((logins) => current && setRms(logins), () => undefined);
    Promise.all([call('clients.profile', { id: clientId }), call('drafts.get', { clientId })]).then(
      ([loaded, draft]) => {
        if (!current) return;
        setProfile(loaded);
        const initial = draft?.content ?? MeetingDraftContent.parse({ occurredAt: localDateTimeInput(new Date()), attendeeLogins: me ? [me] : [] });
        contentRef.current = initial;
        setContent(initial);
        pendingFocus.current = draft?.focus ?? null;
        if (draft) message.info(t('meeting.restored'));
        saver.current = createDraftSaver({
          revision: draft?.revision ?? 0,
          save: (revision, saved, focus) => call('drafts.save', { clientId, content: saved, focus, revision }),
          onState: (state) => current && setSaveState(state),
        });
        if (draft) setSaveState({ kind: 'saved', at: new Date(draft.updatedAt) });
      },
      (error: unknown) => current && setLoadError(error),
    );
    const flushOnHide = () => void saver.current?.flush();
    window.addEventListener('pagehide', flushOnHide);
    // What is being typed is saved before the app locks, and is there after unlocking.
    const unregister = saveBeforeLock(async () => saver.current?.flush());
    return () => {
      current = false;
      window.removeEventListener('pagehide', flushOnHide);
      unregister();
      void saver.current?.flush();
    };
    // The draft is loaded once per client; `me`, `message` and `t` do not change what is loaded.
  }, [clientId]);

  // Put the caret back where it was when the draft was last saved, once the fields exist.
  useEffect(() => {
    if (content && pendingFocus.current !== undefined) {
      const focus = pendingFocus.current;
      pendingFocus.current = undefined;
      requestAnimationFrame(() => restoreFocus(focus));
    }
  }, [content]);

  const change = useCallback((patch: Partial<MeetingDraftContent>) => {
    const base = contentRef.current;
    if (!base) return;
    const next = { ...base, ...patch };
    contentRef.current = next;
    setContent(next);
    // The caret moves with the keystroke that is being handled; read it after React has applied the change.
    queueMicrotask(() => saver.current?.update(next, currentFocus()));
  }, []);

  // Events from dialogs opened here bubble through React's tree too; only this screen's fields move the caret.
  const caretMoved = () => {
    const focus = currentFocus();
    if (contentRef.current && focus) saver.current?.update(contentRef.current, focus);
  };

  const addStep = () => {
    const base = contentRef.current;
    if (!base) return;
    const step = nextStepFromLine(base.nextStepLine, { assigneeLogin: me || profile?.client.ownerLogin || '', today: new Date() }, crypto.randomUUID());
    if (step) change({ nextSteps: [...base.nextSteps, step], nextStepLine: '' });
  };

  const finish = async () => {
    const base = contentRef.current;
    if (!base || !profile || finishing) return;
    setIssues(new Map());
    setFormError(null);
    const occurredAt = instantFromLocalInput(base.occurredAt);
    if (!occurredAt) {
      setIssues(new Map([['occurredAt', t('issues.datetime')]]));
      setFormError(t('errors.fixFields'));
      return;
    }
    setFinishing(true);
    await saver.current?.flush();
    const release = saver.current?.hold();
    try {
      const done = await call('meetings.finish', {
        clientId, content: base, occurredAt, recordedBy: me || profile.client.ownerLogin, feedbackDate: todayIso(),
      });
      saver.current?.stop();
      message.success(t('meeting.finished', { count: done.tasks.length }));
      navigate({ name: 'client', id: clientId, tab: 'interactions' });
    } catch (error) {
      release?.();
      if (error instanceof ApiError && error.issues.length) {
        setIssues(new Map(error.issues.map((i) => [i.path, translateIssue(i.message, t)])));
        setFormError(t('errors.fixFields'));
      } else setFormError(errorText(error, t));
    } finally {
      setFinishing(false);
    }
  };

  const discard = async () => {
    saver.current?.stop();
    try {
      await call('drafts.discard', { clientId });
      navigate({ name: 'client', id: clientId });
    } catch (error) {
      setFormError(errorText(error, t));
    }
  };

  const contactOptions = useMemo(
    () => (profile?.contacts ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name })),
    [profile],
  );
  const loginOptions = useMemo(() => {
    const logins = new Set([me, profile?.client.ownerLogin ?? '', ...rms, ...(content?.attendeeLogins ?? [])].filter(Boolean));
    return [...logins].map((l) => ({ value: l, label: l }));
  }, [me, profile, rms, content?.attendeeLogins]);

  const back = (
    <a href={routeHref({ name: 'client', id: clientId })} onClick={() => void saver.current?.flush()}>
      <ArrowLeftOutlined aria-hidden /> {t('meeting.backToProfile')}
    </a>
  );

  if (loadError) {
    return <div>{back}<Result status="error" title={t('common.error')} subTitle={errorText(loadError, t)} /></div>;
  }
  if (!profile || !content) return <div aria-busy="true">{back}<Skeleton active paragraph={{ rows: 10 }} /></div>;

  // A list field's issues name an item (attendeeLogins.2); show them on the field.
  const issue = (path: string) => issues.get(path) ?? [...issues].find(([p]) => p.startsWith(`${path}.`))?.[1];
  const status = (path: string) => (issue(path) ? ('error' as const) : undefined);
  const saveText = {
    idle: t('meeting.notSaved'),
    saving: t('meeting.saving'),
    saved: saveState.kind === 'saved' ? t('meeting.savedAt', { time: formatTime(saveState.at, language) }) : '',
    failed: t('meeting.saveFailed'),
    stale: t('meeting.stale'),
  }[saveState.kind];

  return (
    <div
      data-testid="meeting-page"
      className="crm-meeting"
      onKeyUp={caretMoved}
      onClick={caretMoved}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && e.shiftKey) {
          e.preventDefault();
          void finish();
        }
      }}
    >
      <div className="crm-meeting-bar">
        {back}
        <Typography.Title level={2} className="crm-meeting-title">{t('meeting.title', { name: profile.client.legalName })}</Typography.Title>
        <span role="status" aria-live="polite" data-testid="draft-status" className={saveState.kind === 'failed' || saveState.kind === 'stale' ? 'crm-overdue' : 'crm-muted'}>{saveText}</span>
      </div>
      {formError && <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 12 }} />}
      {saveState.kind === 'stale' && (
        <Alert type="warning" showIcon title={t('meeting.stale')} style={{ marginBottom: 12 }}
          action={<Button size="small" onClick={() => location.reload()}>{t('meeting.reopen')}</Button>} />
      )}
      <Form layout="vertical" component="div">
        <Row gutter={24}>
          <Col xs={24} lg={16}>
            <Form.Item label={t('meeting.notes')} htmlFor={`${ID}notes`} validateStatus={status('notes')} help={issue('notes')}>
              <Input.TextArea id={`${ID}notes`} value={content.notes} onChange={(e) => change({ notes: e.target.value })} autoSize={{ minRows: 8, maxRows: 24 }} />
            </Form.Item>
            <Form.Item label={t('meeting.outcomes')} htmlFor={`${ID}outcomes`} validateStatus={status('outcomes')} help={issue('outcomes')}>
              <Input.TextArea id={`${ID}outcomes`} value={content.outcomes} onChange={(e) => change({ outcomes: e.target.value })} autoSize={{ minRows: 3, maxRows: 10 }} />
            </Form.Item>
            <fieldset className="crm-fieldset">
              <legend>{t('meeting.nextSteps')}</legend>
              {content.nextSteps.length === 0 && <p className="crm-muted" style={{ margin: '0 0 8px' }}>{t('meeting.noSteps')}</p>}
              <ol className="crm-steps" aria-label={t('meeting.nextSteps')}>
                {content.nextSteps.map((step, index) => {
                  const update = (patch: Partial<typeof step>) =>
                    change({ nextSteps: content.nextSteps.map((s) => (s.key === step.key ? { ...s, ...patch } : s)) });
                  const base = `nextSteps.${index}`;
                  return (
                    <li key={step.key} data-testid="next-step">
                      <Space.Compact block>
                        <Input id={`${ID}step-${step.key}-title`} aria-label={`${t('meeting.stepTitle')} ${index + 1}`} value={step.title} status={status(`${base}.title`)}
                          onChange={(e) => update({ title: e.target.value })} style={{ flex: 3 }} />
                        <DateInput id={`${ID}step-${step.key}-due`} aria-label={`${t('meeting.stepDue')} ${index + 1}`} value={step.dueDate} status={status(`${base}.dueDate`)}
                          onChange={(dueDate) => update({ dueDate })} style={{ flex: 1.4, width: 'auto', minWidth: 0 }} />
                        <Input id={`${ID}step-${step.key}-assignee`} aria-label={`${t('meeting.stepAssignee')} ${index + 1}`} value={step.assigneeLogin} status={status(`${base}.assigneeLogin`)}
                          onChange={(e) => update({ assigneeLogin: e.target.value })} style={{ flex: 1.2 }} />
                        <Button aria-label={t('meeting.removeStep', { title: step.title })} icon={<DeleteOutlined aria-hidden />}
                          onClick={() => change({ nextSteps: content.nextSteps.filter((s) => s.key !== step.key) })} />
                      </Space.Compact>
                      {[issue(`${base}.title`), issue(`${base}.dueDate`), issue(`${base}.assigneeLogin`)].filter(Boolean).map((text) => (
                        <div key={text} className="crm-field-error">{text}</div>
                      ))}
                    </li>
                  );
                })}
              </ol>
              <Form.Item label={t('meeting.nextStepLine')} htmlFor={`${ID}nextStepLine`} extra={t('meeting.nextStepHint')} style={{ marginBottom: 0 }}>
                <Space.Compact block>
                  <Input id={`${ID}nextStepLine`} value={content.nextStepLine} onChange={(e) => change({ nextStepLine: e.target.value })}
                    onKeyDown={(e) => {
                      if (isModEnter(e) && !e.shiftKey) {
                        e.preventDefault();
                        addStep();
                      }
                    }} />
                  <Button icon={<PlusOutlined aria-hidden />} onClick={addStep}>{t('common.add')}</Button>
                </Space.Compact>
              </Form.Item>
            </fieldset>
          </Col>
          <Col xs={24} lg={8}>
            <MeetingSidePanel profile={profile} />
            <Form.Item label={t('meeting.type')}>
              <Radio.Group id={`${ID}type`} value={content.type} onChange={(e) => change({ type: e.target.value as MeetingDraftContent['type'] })}
                optionType="button" options={INTERACTION_TYPES.map((v) => ({ value: v, label: t(`enums.channel.${v}`) }))} />
            </Form.Item>
            <Form.Item label={t('meeting.occurredAt')} htmlFor={`${ID}occurredAt`} validateStatus={status('occurredAt')} help={issue('occurredAt')}>
              <DateTimeInput id={`${ID}occurredAt`} value={content.occurredAt} onChange={(occurredAt) => change({ occurredAt })} />
            </Form.Item>
            <Form.Item label={t('meeting.contacts')} htmlFor={`${ID}contacts`} validateStatus={status('attendeeContactIds')} help={issue('attendeeContactIds')}>
              <Select id={`${ID}contacts`} mode="multiple" value={content.attendeeContactIds} options={contactOptions} optionFilterProp="label"
                onChange={(ids: string[]) => change({ attendeeContactIds: ids })} notFoundContent={t('common.empty')} />
            </Form.Item>
            <Form.Item label={t('meeting.logins')} htmlFor={`${ID}logins`} extra={t('meeting.loginsHint')} validateStatus={status('attendeeLogins')} help={issue('attendeeLogins')}>
              <Select id={`${ID}logins`} mode="tags" value={content.attendeeLogins} options={loginOptions} tokenSeparators={[',', '，', ' ']}
                onChange={(logins: string[]) => change({ attendeeLogins: logins.map((l) => l.trim().toLowerCase()).filter((l) => LOGIN.test(l)) })} />
            </Form.Item>
            <fieldset className="crm-fieldset">
              <legend>{t('meeting.feedback')}</legend>
              <ScoreScale id={`${ID}csat`} size="small" question={t('survey.csatQuestion')} min={1} max={5} low={t('survey.csatLow')} high={t('survey.csatHigh')}
                value={content.csat} onChange={(csat) => change({ csat })} />
              <ScoreScale id={`${ID}nps`} size="small" question={t('survey.npsQuestion')} min={0} max={10} low={t('survey.npsLow')} high={t('survey.npsHigh')}
                value={content.nps} onChange={(nps) => change({ nps })} />
              {issue('feedback.csat') && <div className="crm-field-error">{issue('feedback.csat')}</div>}
              <Form.Item label={t('meeting.feedbackComment')} htmlFor={`${ID}feedbackComment`} style={{ marginBottom: 0 }}>
                <Input.TextArea id={`${ID}feedbackComment`} value={content.feedbackComment} onChange={(e) => change({ feedbackComment: e.target.value })} autoSize={{ minRows: 2, maxRows: 6 }} />
              </Form.Item>
              <Button icon={<UserAddOutlined aria-hidden />} onClick={() => setReferring(true)} style={{ marginTop: 12 }}>{t('loyalty.referral')}</Button>
            </fieldset>
          </Col>
        </Row>
      </Form>
      <div className="crm-meeting-actions">
        <Button type="primary" icon={<CheckOutlined aria-hidden />} loading={finishing} onClick={() => void finish()} aria-keyshortcuts="Control+Shift+Enter">
          {t('meeting.finish')} <span className="crm-kbd">{t('meeting.finishHint')}</span>
        </Button>
        <Popconfirm title={t('meeting.confirmDiscard')} okText={t('meeting.discard')} cancelText={t('common.cancel')} onConfirm={() => void discard()}>
          <Button danger>{t('meeting.discard')}</Button>
        </Popconfirm>
      </div>
      {referring && (
        <ClientFormModal referredById={clientId} onClose={() => setReferring(false)} onSaved={(prospect) => message.success(t('meeting.referred', { name: prospect.legalName }))} />
      )}
    </div>
  );
}
