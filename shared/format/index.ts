/** Formatting for every surface (screens, PDF brief): pure functions over Intl, no DOM, no Node. */
export * from './language.ts';
export * from './numbers.ts';
export * from './money.ts';
export * from './dates.ts';
