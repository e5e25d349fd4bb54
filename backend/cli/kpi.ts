import { parseArgs } from 'node:util';
import type { KpiScope } from '../../shared/api/kpiContract.ts';
import { CalendarDate, CurrencyCode, Login, PdcaPhase } from '../../shared/domain/index.ts';
import type { KpiValues } from '../../shared/kpi/values.ts';
import type { Backend } from '../backend.ts';
import { UsageError, type Command } from './command.ts';
import { withStore } from './portfolio.ts';

function date(value: string | undefined, option: string): string {
  if (value === undefined) throw new UsageError(`${option} YYYY-MM-DD is required`);
  if (!CalendarDate.safeParse(value).success) throw new UsageError(`${option} must be a date YYYY-MM-DD, not "${value}"`);
  return value;
}

/** The scope named on the command line: at most one of --rm, --team, --segment (a segment's name in either language); the bank otherwise. */
async function scopeOption(backend: Backend, values: { rm?: string; team?: string; segment?: string }): Promise<{ scope: KpiScope; name?: string }> {
  const given = [values.rm, values.team, values.segment].filter((v) => v !== undefined);
  if (given.length > 1) throw new UsageError('give at most one of --rm, --team and --segment');
  if (values.rm !== undefined) {
    if (!Login.safeParse(values.rm).success) throw new UsageError(`--rm must be a login, not "${values.rm}"`);
    return { scope: { kind: 'rm', login: values.rm } };
  }
  if (values.team !== undefined) {
    if (!values.team.trim()) throw new UsageError('--team must name a team');
    return { scope: { kind: 'team', teamCode: values.team.trim() } };
  }
  if (values.segment !== undefined) {
    const wanted = values.segment.trim();
    const segment = (await backend.api['segments.list']({})).find((s) => s.name === wanted || s.nameEn === wanted);
    if (!segment) throw new Error(`There is no segment called "${wanted}".`);
    return { scope: { kind: 'segment', segmentId: segment.id }, name: segment.name };
  }
  return { scope: { kind: 'bank' } };
}

/** The KPIs as the JSON shape lists them, in its order. */
function printable(kpis: KpiValues) {
  const ratio = (r: { value: number | null; numerator: number; denominator: number }) => ({ value: r.value, numerator: r.numerator, denominator: r.denominator });
  return {
    acquisitionRate: ratio(kpis.acquisitionRate),
    retentionRate: ratio(kpis.retentionRate),
    csat: { value: kpis.csat.value, mean: kpis.csat.mean, numerator: kpis.csat.numerator, denominator: kpis.csat.denominator },
    nps: { value: kpis.nps.value, promoters: kpis.nps.promoters, detractors: kpis.nps.detractors, responses: kpis.nps.responses },
    repeatRate: ratio(kpis.repeatRate),
    referralRate: ratio(kpis.referralRate),
    financingVolume: { byCurrency: kpis.financingVolume.byCurrency, reportingMinor: kpis.financingVolume.reportingMinor },
    newClients: { value: kpis.newClients.value },
    coverageCompliance: ratio(kpis.coverageCompliance),
  };
}

/** `crm kpi`, `crm targets` and `crm actions`: KPIs of a period and scope, the targets and the improvement actions of a store, as JSON. */
export const KPI_COMMANDS: Record<string, Command> = {
  kpi: {
    summary: 'every KPI of a period [from, to) for the bank, an RM, a team or a segment, as JSON',
    usage: 'crm kpi --db FILE --from YYYY-MM-DD --to YYYY-MM-DD [--rm LOGIN | --team CODE | --segment NAME] [--currency CNY]',
    async run(args) {
      const { values } = parseArgs({
        args,
        options: { db: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, rm: { type: 'string' }, team: { type: 'string' }, segment: { type: 'string' }, currency: { type: 'string' } },
      });
      const from = date(values.from, '--from');
      const to = date(values.to, '--to');
      if (to <= from) throw new UsageError('--to must be after --from (the period is [from, to))');
      if (values.currency !== undefined && !CurrencyCode.safeParse(values.currency).success)
        throw new UsageError(`--currency must be a three-letter ISO 4217 code, not "${values.currency}"`);
      return withStore(values.db, async (backend) => {
        const { scope, name } = await scopeOption(backend, values);
        const report = await backend.api['kpi.compute']({ period: { from, to }, scope, currency: values.currency });
        return { from, to, scope: name ? { ...report.scope, name } : report.scope, reportingCurrency: report.reportingCurrency, kpis: printable(report.kpis) };
      });
    },
  },
  targets: {
    summary: 'the KPI targets of a store as JSON (every scope and period, or one year)',
    usage: 'crm targets --db FILE [--year YYYY]',
    async run(args) {
      const { values } = parseArgs({ args, options: { db: { type: 'string' }, year: { type: 'string' } } });
      if (values.year !== undefined && !/^\d{4}$/.test(values.year)) throw new UsageError(`--year must be a year YYYY, not "${values.year}"`);
      return withStore(values.db, (backend) => backend.api['targets.list']({ year: values.year === undefined ? undefined : Number(values.year) }));
    },
  },
  actions: {
    summary: 'improvement actions (PDCA) as JSON, with their baseline, target and what their check date measured',
    usage: 'crm actions --db FILE [--phase plan|do|check|act]',
    async run(args) {
      const { values } = parseArgs({ args, options: { db: { type: 'string' }, phase: { type: 'string' } } });
      const phase = values.phase === undefined ? undefined : PdcaPhase.safeParse(values.phase);
      if (phase && !phase.success) throw new UsageError(`--phase must be plan, do, check or act, not "${values.phase}"`);
      return withStore(values.db, async (backend) =>
        (await backend.api['improvementActions.list']({ phases: phase?.data ? [phase.data] : undefined }))
          .map((row) => ({ ...row.action, clientName: row.clientName, measured: row.measured })));
    },
  },
};
