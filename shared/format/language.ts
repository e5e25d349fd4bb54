/** The interface languages; zh-CN is the default (product.md). Formats follow the app's language, never the browser's locale. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);
