import type { z } from 'zod';
import {
  Client, ClientFields, Contact, ContactFields, Feedback, FeedbackFields, ImprovementAction, ImprovementActionFields,
  Interaction, InteractionFields, Project, ProjectFields, Segment, SegmentFields, Target, TargetFields, Task, TaskFields,
} from '../../shared/domain/index.ts';
import type { TableName } from '../store/schema.ts';

export type EntityName =
  | 'clients' | 'contacts' | 'projects' | 'interactions' | 'feedback' | 'tasks' | 'segments' | 'targets' | 'improvementActions';

/** A field holding the id of another record, checked to exist (and be live) on every write. */
export interface Reference {
  field: string;
  entity: EntityName;
  /** The referenced record must belong to the same client as this one. */
  sameClient?: boolean;
}

/** How one entity is stored: its table, schemas, encoded columns and references. */
export interface EntityConfig {
  name: EntityName;
  table: TableName;
  /** Singular noun for messages. */
  noun: string;
  fields: z.ZodType;
  record: z.ZodType;
  json: readonly string[];
  booleans: readonly string[];
  references: readonly Reference[];
  /** Fields the store maintains; a user's input never sets them. */
  derived: readonly string[];
}

const entity = (config: Omit<EntityConfig, 'booleans' | 'derived'> & Partial<Pick<EntityConfig, 'booleans' | 'derived'>>): EntityConfig => ({
  booleans: [],
  derived: [],
  ...config,
});

export const ENTITIES: Record<EntityName, EntityConfig> = {
  clients: entity({
    name: 'clients', table: 'clients', noun: 'client', fields: ClientFields, record: Client, json: ['tags'],
    references: [{ field: 'referredById', entity: 'clients' }], derived: ['segmentId', 'lastContactAt'],
  }),
  contacts: entity({
    name: 'contacts', table: 'contacts', noun: 'contact', fields: ContactFields, record: Contact, json: [],
    booleans: ['isDecisionMaker'], references: [{ field: 'clientId', entity: 'clients' }],
  }),
  projects: entity({
    name: 'projects', table: 'projects', noun: 'project', fields: ProjectFields, record: Project,
    json: ['stageDates', 'syndicateMembers'], references: [{ field: 'clientId', entity: 'clients' }],
  }),
  interactions: entity({
    name: 'interactions', table: 'interactions', noun: 'interaction', fields: InteractionFields, record: Interaction,
    json: ['attendeeContactIds', 'attendeeLogins'],
    references: [{ field: 'clientId', entity: 'clients' }, { field: 'projectId', entity: 'projects', sameClient: true }],
  }),
  feedback: entity({
    name: 'feedback', table: 'feedback', noun: 'feedback entry', fields: FeedbackFields, record: Feedback, json: [],
    references: [
      { field: 'clientId', entity: 'clients' },
      { field: 'interactionId', entity: 'interactions', sameClient: true },
      { field: 'supersedesId', entity: 'feedback', sameClient: true },
    ],
    derived: ['supersedesId'],
  }),
  tasks: entity({
    name: 'tasks', table: 'tasks', noun: 'task', fields: TaskFields, record: Task, json: [],
    references: [
      { field: 'clientId', entity: 'clients' },
      { field: 'projectId', entity: 'projects', sameClient: true },
      { field: 'interactionId', entity: 'interactions', sameClient: true },
    ],
  }),
  segments: entity({ name: 'segments', table: 'segments', noun: 'segment', fields: SegmentFields, record: Segment, json: ['rule', 'policy'], references: [] }),
  targets: entity({ name: 'targets', table: 'targets', noun: 'target', fields: TargetFields, record: Target, json: ['scope', 'period'], references: [] }),
  improvementActions: entity({
    name: 'improvementActions', table: 'improvement_actions', noun: 'improvement action', fields: ImprovementActionFields,
    record: ImprovementAction, json: [],
    references: [{ field: 'feedbackId', entity: 'feedback' }, { field: 'clientId', entity: 'clients' }],
  }),
};
