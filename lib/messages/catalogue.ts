// The words live in the next-intl catalogues (lib/i18n/messages/**), not in TS tables like
// lib/expression/messages: they are the catalogues translators and the rest of the console
// already edit, next-intl formats them the same way in server and client components, and
// lib/i18n/messages.test.ts already keeps zh-CN and ja key for key with English. What the
// catalogues cannot say is which parameters a message takes: codes.ts types that, this file
// types the keys (a code whose key is missing from English fails to compile), and
// messages.test.ts renders every code in every language.
type English = typeof import("@/lib/i18n/messages/en.json") &
  typeof import("@/lib/i18n/messages/idp/en.json") &
  typeof import("@/lib/i18n/messages/portal/en.json");

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key of the English catalogues, "namespace.key". */
export type CatalogueKey = Leaves<English>;

export type CatalogueValues = Record<string, string | number>;

/** next-intl's `t` (from useTranslations() or getTranslations() without a namespace) fits. */
export type Translate = (key: CatalogueKey, values?: CatalogueValues) => string;
