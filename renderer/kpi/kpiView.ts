import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { KpiScope } from '../../shared/api/kpiContract.ts';
import { todayIso } from '../../shared/format/index.ts';
import { calendarPeriod, type CalendarKind, type Period, type PeriodKind } from '../../shared/kpi/period.ts';

export interface KpiViewState {
  kind: PeriodKind;
  period: Period;
  scope: KpiScope | null;
  setKind(kind: PeriodKind): void;
  setPeriod(period: Period): void;
  setScope(scope: KpiScope): void;
}

/**
 * The period and scope the KPI screens show, kept while the user moves between them and a client's profile (one per
 * window). It starts at the current quarter; the scope starts as "me" for a user the device knows, else the bank.
 */
export const kpiViewStore = createStore<KpiViewState>()((set, get) => ({
  kind: 'quarter',
  period: calendarPeriod('quarter', todayIso()),
  scope: null,
  setKind: (kind) => set({ kind, period: kind === 'custom' ? get().period : calendarPeriod(kind as CalendarKind, get().period.from) }),
  setPeriod: (period) => set({ period }),
  setScope: (scope) => set({ scope }),
}));

export const useKpiView = <T,>(pick: (s: KpiViewState) => T): T => useStore(kpiViewStore, pick);
