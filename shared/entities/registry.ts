import { z } from 'zod';
import {
  BankSetting, BankSettingFields, Client, ClientFields, Contact, ContactFields, ExchangeRate, ExchangeRateFields, Feedback,
  FeedbackFields, Id, ImprovementAction, ImprovementActionFields, Interaction, InteractionFields, Project, ProjectFields,
  RatingChange, RatingChangeFields, Segment, SegmentFields, StatusChange, StatusChangeFields, Target, TargetFields, Task,
  TaskFields, projectProblems, type ProjectFields as ProjectFieldsType,
} from '../domain/index.ts';
import {
  ImprovementActionBaseline, improvementActionProblems, targetProblems, type ImprovementActionFields as ImprovementActionFieldsType,
  type TargetFields as TargetFieldsType,
} from '../domain/index.ts';
import { AlertAcknowledgement, AlertAcknowledgementFields } from '../domain/alertAcknowledgement.ts';
import { buildRegistry, type EntitySpec } from './definition.ts';

const ALL = ['create', 'update', 'delete', 'restore', 'get'] as const;
const clientRef = { field: 'clientId', entity: 'clients' } as const;

/**
 * Every entity of the product, once. The API contract's generic methods, the backend's handlers and tables,
 * the sync outbox, push and pull order, the server's validation and scope, stats and demo data all follow from
 * this table: a new entity is one entry here plus its migration (docs/architecture.md).
 */
export const ENTITY_SPECS = {
  segments: {
    table: 'segments', noun: 'segment', nounZh: '客户细分', fields: SegmentFields, record: Segment,
    scope: { kind: 'global', writers: 'leads' }, methods: ALL,
  },
  clients: {
    table: 'clients', noun: 'client', nounZh: '客户', fields: ClientFields, record: Client,
    derived: ['segmentId', 'lastContactAt', 'nameSortKey'],
    // A client merged into another is tombstoned pointing at the survivor, by the merge alone (docs/sync.md "Merge").
    extra: z.object({ mergedIntoId: Id.nullable().default(null) }),
    references: [{ field: 'referredById', entity: 'clients' }],
    fixed: ['ownerLogin'], longText: ['notes'], scope: { kind: 'client' }, methods: ALL,
  },
  contacts: {
    table: 'contacts', noun: 'contact', nounZh: '联系人', fields: ContactFields, record: Contact,
    references: [clientRef], fixed: ['clientId'], scope: { kind: 'client' }, methods: ALL,
  },
  projects: {
    table: 'projects', noun: 'project', nounZh: '融资项目', fields: ProjectFields, record: Project,
    references: [clientRef], fixed: ['clientId'], scope: { kind: 'client' }, methods: ALL,
    rules: (fields) => projectProblems(fields as ProjectFieldsType),
  },
  interactions: {
    table: 'interactions', noun: 'interaction', nounZh: '沟通记录', fields: InteractionFields, record: Interaction,
    references: [clientRef, { field: 'projectId', entity: 'projects', sameClient: true }],
    fixed: ['clientId'], longText: ['notes', 'outcomes', 'nextSteps'], scope: { kind: 'client' }, methods: ALL,
  },
  feedback: {
    table: 'feedback', noun: 'feedback entry', nounZh: '客户反馈', fields: FeedbackFields, record: Feedback,
    extra: z.object({ supersedesId: Id.nullable().default(null) }),
    references: [clientRef, { field: 'interactionId', entity: 'interactions', sameClient: true }, { field: 'supersedesId', entity: 'feedback', sameClient: true }],
    fixed: ['clientId', 'supersedesId'], appendOnly: true, scope: { kind: 'client' }, methods: ['create', 'delete', 'get'],
  },
  tasks: {
    table: 'tasks', noun: 'task', nounZh: '待办事项', fields: TaskFields, record: Task,
    references: [clientRef, { field: 'projectId', entity: 'projects', sameClient: true }, { field: 'interactionId', entity: 'interactions', sameClient: true }],
    longText: ['details'], scope: { kind: 'clientOrOwner', ownerField: 'assigneeLogin' }, methods: ALL,
  },
  targets: {
    table: 'targets', noun: 'target', nounZh: '目标', fields: TargetFields, record: Target,
    scope: { kind: 'global', writers: 'leads' }, methods: ALL,
    // Team leads may write only their team's and their RMs' targets: server/sync/push.ts and backend/targets check the scope.
    rules: (fields) => targetProblems(fields as TargetFieldsType),
  },
  improvementActions: {
    table: 'improvement_actions', noun: 'improvement action', nounZh: '改进措施', fields: ImprovementActionFields, record: ImprovementAction,
    // The baseline is measured by the backend when the action is created (improvementActions.create), never typed.
    extra: ImprovementActionBaseline,
    references: [{ field: 'feedbackId', entity: 'feedback', sameClient: true }, clientRef], longText: ['outcome'],
    scope: { kind: 'clientOrOwner', ownerField: 'ownerLogin' }, methods: ALL,
    rules: (fields) => improvementActionProblems(fields as ImprovementActionFieldsType),
  },
  statusChanges: {
    table: 'status_changes', noun: 'status change', nounZh: '状态变更', fields: StatusChangeFields, record: StatusChange,
    references: [clientRef], fixed: ['clientId'], appendOnly: true, scope: { kind: 'client' }, methods: [],
  },
  ratingChanges: {
    table: 'rating_changes', noun: 'rating change', nounZh: '评级变更', fields: RatingChangeFields, record: RatingChange,
    references: [clientRef], fixed: ['clientId'], appendOnly: true, scope: { kind: 'client' }, methods: [],
  },
  exchangeRates: {
    table: 'exchange_rates', noun: 'exchange rate', nounZh: '汇率', fields: ExchangeRateFields, record: ExchangeRate,
    scope: { kind: 'global', writers: 'admins' }, methods: ALL,
  },
  bankSettings: {
    table: 'bank_settings', noun: 'setting', nounZh: '设置', fields: BankSettingFields, record: BankSetting,
    fixed: ['key'], scope: { kind: 'global', writers: 'admins' }, methods: ['create', 'update', 'get'],
  },
  /** Created by `risks.acknowledge` (which reads the alert's value); withdrawn by deleting it. */
  alertAcknowledgements: {
    table: 'alert_acknowledgements', noun: 'alert acknowledgement', nounZh: '预警确认', fields: AlertAcknowledgementFields, record: AlertAcknowledgement,
    references: [clientRef], fixed: ['clientId', 'rule', 'subject'], scope: { kind: 'client' }, methods: ['delete', 'restore', 'get'],
  },
} as const satisfies Record<string, EntitySpec>;

export type EntityName = keyof typeof ENTITY_SPECS;
export const { ENTITIES, ENTITY_NAMES, PARENT_FIRST, CLIENT_CHILDREN } = buildRegistry(ENTITY_SPECS);
