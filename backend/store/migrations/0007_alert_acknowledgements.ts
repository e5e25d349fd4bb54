import type { Migration } from '../migration.ts';

/** Risk alert acknowledgements (issue 11). */
export const migration: Migration = {
  version: 7,
  name: 'alert_acknowledgements',
  up() {
    // Filled in with the risk work; the number is taken so no one else uses it.
  },
};
