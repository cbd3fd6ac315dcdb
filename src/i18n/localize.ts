/**
 * Words in the page's language, one language per element.
 *
 * Messages are written the `@lit/localize` way (`msg('Retry')`, ``msg(str`${n} agents`)``), so its
 * tools extract them to XLIFF for translators and build the catalogues in `./locales/` (runtime
 * mode). Lit's own `msg` reads one language for the whole page, though, and our contract gives each
 * element its own (`locale`, else the nearest `lang`). So `msg` here is Lit's runtime lookup over a
 * *scope*: each element renders inside the scope of its language (see `Localized`), and everything
 * that runs later (rows drawn on scroll, announcements, event handlers) re-enters that scope.
 * Outside any scope, `msg` answers in English, which is what a host developer reads in the console.
 */
// Deep imports: the package's index also brings its lit controllers, and the data layer (which
// makes messages too) must load without lit.
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';
import type { MsgFn } from '@lit/localize/internal/types.js';

export { str } from '@lit/localize/internal/str-tag.js';

/** A catalogue built by `lit-localize build` (runtime mode): translated messages by id. */
export type Templates = Parameters<typeof runtimeMsg>[0];

/** The languages the UI speaks. English is the source and needs no catalogue. */
export const LANGUAGES = ['en', 'sv', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A locale (for `Intl`) with the catalogue of its language. */
export interface LocaleScope {
  readonly locale: string;
  readonly language: Language;
  readonly templates: Templates | undefined;
}

export const ENGLISH: LocaleScope = { locale: 'en', language: 'en', templates: undefined };

let scope: LocaleScope = ENGLISH;

/** Lit's `msg`, looked up in the scope's catalogue; English outside every scope. */
export const msg = ((template: Parameters<MsgFn>[0], options?: Parameters<MsgFn>[1]) => runtimeMsg(scope.templates, template as never, options)) as MsgFn;

/** Runs `fn` with `msg`, `plural` and `activeLocale` answering for `target`. */
export function inScope<T>(target: LocaleScope, fn: () => T): T {
  const previous = scope;
  scope = target;
  try {
    return fn();
  } finally {
    scope = previous;
  }
}

/** The scope in force now: to capture and re-enter later (rows drawn on scroll, timers). */
export const currentScope = (): LocaleScope => scope;

/** The `Intl` locale of the scope in force. */
export const activeLocale = (): string => scope.locale;

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * The form of a message for `count`, by the plural rules (`Intl.PluralRules`) of the scope's language. English,
 * Swedish and German only use `one` and `other`; a language with more forms would add them here.
 */
export function plural<T = string>(count: number, forms: { one: () => T; other: () => T }): T {
  // The rules of the words' language: a French page reads English words, so English plurals.
  let rules = pluralRules.get(scope.language);
  if (!rules) pluralRules.set(scope.language, (rules = new Intl.PluralRules(scope.language)));
  return rules.select(count) === 'one' ? forms.one() : forms.other();
}

/** The language of a BCP 47 locale that the UI speaks (`sv-FI` → `sv`), else English. */
export function languageOf(locale: string | undefined): Language {
  const language = locale?.split(/[-_]/)[0]?.toLowerCase();
  return (LANGUAGES as readonly string[]).includes(language ?? '') ? (language as Language) : 'en';
}

/** The catalogues other than English, each its own module: a page that stays English loads none. */
const loaders: Record<Exclude<Language, 'en'>, () => Promise<{ templates: Templates }>> = {
  sv: () => import('./locales/sv.js'),
  de: () => import('./locales/de.js'),
};

const catalogues = new Map<Language, Templates | undefined>([['en', undefined]]);
const loading = new Map<Language, Promise<void>>();

/**
 * The scope for `locale`: at once when its catalogue is here, else a promise for it. A catalogue
 * that fails to load leaves that language in English (and says so once in the console).
 */
export function scopeFor(locale: string): LocaleScope | Promise<LocaleScope> {
  const language = languageOf(locale);
  const make = () => ({ locale, language, templates: catalogues.get(language) });
  if (catalogues.has(language)) return make();
  let pending = loading.get(language);
  if (!pending) {
    pending = loaders[language as Exclude<Language, 'en'>]().then(
      (module) => void catalogues.set(language, module.templates),
      (error: unknown) => {
        console.warn(`ai-usage-elements: the ${language} catalogue did not load, so the words stay in English.`, error);
        catalogues.set(language, undefined);
      },
    );
    loading.set(language, pending);
  }
  return pending.then(make);
}
