import type { z } from 'zod';
import type { bankSettingsMethods } from '../../shared/api/bankSettingsContract.ts';
import type { coverageMethods } from '../../shared/api/coverageContract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import type { risksMethods } from '../../shared/api/risksContract.ts';
import type { segmentMethods } from '../../shared/api/segmentsContract.ts';
import { BANK_SETTINGS, type BankSetting, type Segment } from '../../shared/domain/index.ts';
import type { EntityName } from '../../shared/entities/registry.ts';
import { reorderedPriorities } from '../../shared/segments/priority.ts';
import { coverageList } from '../coverage/list.ts';
import type { StoredRecord } from '../records/crud.ts';
import { acknowledgementOf } from '../risks/acknowledge.ts';
import { clientBadges, riskList } from '../risks/list.ts';
import { liveSegments } from '../segments/assign.ts';
import { explainClientPolicy } from '../segments/explain.ts';
import { segmentMatrix } from '../segments/matrix.ts';
import { segmentOverview } from '../segments/overview.ts';
import { previewSegment } from '../segments/preview.ts';
import { bankSetting, checkBankWideWriter, liveRates } from '../settings/bankSettings.ts';
import type { Store } from '../store/store.ts';
import type { Portfolio } from './portfolio.ts';

type Methods = typeof segmentMethods & typeof coverageMethods & typeof risksMethods & typeof bankSettingsMethods;
type In<M extends keyof Methods> = z.output<Methods[M]['input']>;

export interface PortfolioDeps {
  store: Store;
  portfolio: Portfolio;
  /** The user's calendar day. */
  today(): string;
  timestamp(): string;
  /** Who the device's user is, for "by whom". */
  recorder(): string;
  /** Creates or changes a record as every local write does: one transaction with its outbox change and what it implies. */
  create<T extends StoredRecord>(entity: EntityName, fields: Record<string, unknown>): T;
  update<T extends StoredRecord>(entity: EntityName, id: string, patch: Record<string, unknown>): T;
}

/** Handlers for segments, coverage, risk alerts and bank settings, all read from the portfolio's evaluation. */
export function portfolioHandlers(deps: PortfolioDeps): { [M in keyof Methods]: (input: In<M>) => z.input<Methods[M]['output']> | Promise<z.input<Methods[M]['output']>> } {
  const { store, portfolio } = deps;
  /** The evaluation as on a day; today's also stores segments that a day passing moved. */
  const on = (asOf?: string) => {
    const today = deps.today();
    return portfolio.evaluation(asOf ?? today, (asOf ?? today) === today);
  };
  /** Waits for the first (sliced) read of every client, so that the worker answers other calls meanwhile. */
  const loaded = <T>(fn: () => T): Promise<T> => portfolio.ready().then(fn);
  return {
    'segments.overview': (input) => loaded(() => segmentOverview(on(input.asOf))),
    'segments.preview': (input) => loaded(() => previewSegment(on(), input, deps.timestamp())),
    'segments.reorder': (input) => loaded(() => {
      checkBankWideWriter(store, 'segments');
      const segments = liveSegments(store);
      const ids = new Set(segments.map((s) => s.id));
      if (input.order.length !== ids.size || new Set(input.order).size !== ids.size || input.order.some((id) => !ids.has(id)))
        throw ApiError.field('order', 'must list every segment once');
      const priorities = reorderedPriorities(segments, input.order);
      store.transaction(() => {
        for (const segment of segments)
          if (priorities.get(segment.id) !== segment.priority) deps.update('segments', segment.id, { priority: priorities.get(segment.id) });
      });
      on();
      return liveSegments(store).sort((a: Segment, b: Segment) => input.order.indexOf(a.id) - input.order.indexOf(b.id));
    }),
    'segments.matrix': (input) => loaded(() => segmentMatrix(on(), input)),
    'segments.explain': (input) => loaded(() => explainClientPolicy(on(), input.clientId)),
    'coverage.list': (input) => loaded(() => coverageList(store, on(input.asOf), input)),
    'risks.list': (input) => loaded(() => riskList(on(input.asOf), input)),
    'risks.badges': (input) => loaded(() => clientBadges(on(), input.clientIds)),
    'risks.acknowledge': (input) => loaded(() => deps.create('alertAcknowledgements', acknowledgementOf(on(), input, deps.recorder(), deps.timestamp()))),
    'portfolio.version': () => ({ version: portfolio.version }),
    'bankSettings.current': () => {
      const stored = (key: keyof typeof BANK_SETTINGS) => store.prepare(`SELECT 1 FROM bank_settings WHERE id = ? AND deletedAt IS NULL`).get(BANK_SETTINGS[key].id) !== undefined;
      return {
        reportingCurrency: bankSetting(store, 'reportingCurrency'),
        riskThresholds: bankSetting(store, 'riskThresholds'),
        isDefault: { reportingCurrency: !stored('reportingCurrency'), riskThresholds: !stored('riskThresholds') },
        rates: liveRates(store),
      };
    },
    'bankSettings.set': (input) => {
      const { id } = BANK_SETTINGS[input.key];
      const exists = store.prepare(`SELECT 1 FROM bank_settings WHERE id = ?`).get(id) !== undefined;
      return exists ? deps.update<BankSetting>('bankSettings', id, { value: input.value }) : deps.create<BankSetting>('bankSettings', { id, ...input });
    },
  };
}
