import { z } from 'zod';
import { CalendarDate, Id, Login, RecordMeta, optionalText, requiredText } from './common.ts';
import { Kpi, PdcaPhase } from './enums.ts';

/** A PDCA improvement action (改进措施), linked to a KPI gap or to the feedback that prompted it. */
export const ImprovementActionFields = z.object({
  title: requiredText(300),
  kpi: Kpi.nullable().default(null),
  feedbackId: Id.nullable().default(null),
  clientId: Id.nullable().default(null),
  ownerLogin: Login,
  phase: PdcaPhase.default('plan'),
  dueDate: CalendarDate.nullable().default(null),
  outcome: optionalText(5_000),
});
export type ImprovementActionFields = z.infer<typeof ImprovementActionFields>;

export const ImprovementAction = RecordMeta.extend(ImprovementActionFields.shape);
export type ImprovementAction = z.infer<typeof ImprovementAction>;
