import { z } from 'zod';
import { CalendarDate, CurrencyCode, Id, MinorUnits, RecordMeta, optionalText, requiredText } from './common.ts';
import { ProjectSector, ProjectStage } from './enums.ts';

/** DSCR is a ratio such as 1.35x, not money, so a bounded decimal is right here. */
const Dscr = z.number({ message: 'must be a number' }).min(0, { message: 'must not be negative' }).max(100, { message: 'must be at most 100' });

export const ProjectFields = z
  .object({
    clientId: Id,
    name: requiredText(200),
    sector: ProjectSector,
    currency: CurrencyCode,
    totalCostMinor: MinorUnits,
    debtAmountMinor: MinorUnits,
    ourCommitmentMinor: MinorUnits,
    tenorMonths: z.number().int({ message: 'must be a whole number of months' }).min(1, { message: 'must be at least 1' }).max(600, { message: 'must be at most 600' }),
    marginBps: z.number().int({ message: 'must be a whole number of basis points' }).min(0, { message: 'must not be negative' }).max(5000, { message: 'must be at most 5000' }),
    stage: ProjectStage,
    /** Date each stage was entered, keyed by stage. */
    stageDates: z.partialRecord(ProjectStage, CalendarDate).default({}),
    expectedCloseDate: CalendarDate.nullable().default(null),
    dscrMin: Dscr.nullable().default(null),
    dscrAvg: Dscr.nullable().default(null),
    covenantMinDscr: Dscr.nullable().default(null),
    sponsor: optionalText(200),
    spvName: optionalText(200),
    syndicateMembers: z.array(requiredText(200)).max(50, { message: 'must have at most 50 members' }).default([]),
  });
export type ProjectFields = z.infer<typeof ProjectFields>;

/** Cross-field rules, checked on the merged record so that a partial update cannot break them. */
export function projectProblems(project: ProjectFields): Array<{ path: keyof ProjectFields; message: string }> {
  const problems: Array<{ path: keyof ProjectFields; message: string }> = [];
  if (project.debtAmountMinor > project.totalCostMinor)
    problems.push({ path: 'debtAmountMinor', message: 'must not exceed the total project cost' });
  if (project.ourCommitmentMinor > project.debtAmountMinor)
    problems.push({ path: 'ourCommitmentMinor', message: 'must not exceed the debt amount' });
  if (project.dscrMin !== null && project.dscrAvg !== null && project.dscrMin > project.dscrAvg)
    problems.push({ path: 'dscrMin', message: 'must not exceed the average DSCR' });
  return problems;
}

export const Project = RecordMeta.extend(ProjectFields.shape);
export type Project = z.infer<typeof Project>;
