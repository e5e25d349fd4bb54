import type { Migration } from '../migration.ts';

/** Targets in integer minor units for volume KPIs, and improvement actions linked to what they improve (issue 12). */
export const migration: Migration = {
  version: 6,
  name: 'kpi_targets_actions',
  up() {
    // Filled in with the KPI work; the number is taken so no one else uses it.
  },
};
