/**
 * An element's language: its `locale`, else the nearest `lang` (followed as it changes, through
 * shadow roots), else the browser's. The element renders inside that language's scope, and waits
 * for a catalogue that is not here yet instead of flashing English first.
 */
import type { LitElement, PropertyValues } from 'lit';
import { safeLocale } from '../format/format.js';
import { ENGLISH, inScope, scopeFor, type LocaleScope } from './localize.js';

/** The nearest `lang` attribute, looking through shadow roots; `undefined` outside a DOM (server rendering). */
export function inheritedLang(element: Element): string | undefined {
  if (typeof Element === 'undefined') return undefined;
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') || undefined;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}

/** Every connected element that follows `lang` (with what to do when one may have changed), and one observer for all of them. */
const followers = new Map<Element, () => void>();
let observer: MutationObserver | undefined;
const observed = new WeakSet<Node>();

function notifyAll(): void {
  for (const recheck of followers.values()) recheck();
}

/**
 * Watches `lang` on the document and on every shadow root around `element` (a document observer
 * does not see into shadow roots), and the browser's language.
 */
function follow(element: Element, recheck: () => void): void {
  if (typeof MutationObserver === 'undefined') return;
  if (!observer) {
    observer = new MutationObserver(notifyAll);
    addEventListener('languagechange', notifyAll);
  }
  followers.set(element, recheck);
  for (let node: Node | null = element; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    if ((node instanceof ShadowRoot || node instanceof Document) && !observed.has(node)) {
      observed.add(node);
      observer.observe(node, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mixin pattern TypeScript requires
type Constructor<T> = abstract new (...args: any[]) => T;

/** What `Localized` adds to an element. */
export interface LocalizedElement {
  /** The locale in use: `locale` when valid, else the nearest `lang`, else the browser's. */
  readonly effectiveLocale: string | undefined;
  /** Runs `fn` in the element's language: for words made outside rendering (announcements, handlers). */
  inLocale<T>(fn: () => T): T;
}

/** Gives an element (which declares a `locale` property) its language (see the module's comment). */
export function Localized<T extends Constructor<LitElement>>(Base: T): Constructor<LocalizedElement> & T {
  abstract class LocalizedBase extends Base implements LocalizedElement {
    /** The locale and the language scope the element renders in, committed together once the catalogue is here. */
    #committed: { locale: string | undefined; scope: LocaleScope } | undefined;
    /** Resolves an update held while the element was out of the page. */
    #reconnected: (() => void) | undefined;

    #resolve(): string | undefined {
      return safeLocale((this as { locale?: string }).locale) ?? safeLocale(inheritedLang(this)) ?? safeLocale(globalThis.navigator?.language);
    }

    /** Read-only. The locale in use: `locale` when valid, else the nearest `lang`, else the browser's. */
    get effectiveLocale(): string | undefined {
      return this.#committed ? this.#committed.locale : this.#resolve();
    }

    /** Runs `fn` in the element's language, for words made outside rendering (a CSV export, an announcement). */
    inLocale<R>(fn: () => R): R {
      return inScope(this.#committed?.scope ?? ENGLISH, fn);
    }

    override connectedCallback(): void {
      super.connectedCallback();
      follow(this, this.#recheck);
      this.#reconnected?.();
      this.#reconnected = undefined;
      // Moved under another `lang`: speak it.
      if (this.hasUpdated) this.#recheck();
    }

    override disconnectedCallback(): void {
      super.disconnectedCallback();
      followers.delete(this);
    }

    readonly #recheck = (): void => {
      if (this.#committed && this.#resolve() !== this.#committed.locale) this.requestUpdate();
    };

    /** Resolves the language before each update; waits only while its catalogue is on its way. */
    protected override scheduleUpdate(): void | Promise<unknown> {
      const locale = this.#resolve();
      const scope = scopeFor(locale ?? 'en');
      if (!(scope instanceof Promise)) {
        // The locale changes with its words, never before them: what reads `effectiveLocale` while a
        // catalogue is on its way (columns cached by locale, a CSV export) still gets one language.
        this.#committed = { locale, scope };
        return super.scheduleUpdate();
      }
      // Once it is here, resolve again (the language may have changed meanwhile). An element taken out
      // of the page meanwhile waits to be put back: its first render would start loading data with
      // nobody left to abort the request.
      return scope.then(async () => {
        if (!this.isConnected) await new Promise<void>((resolve) => (this.#reconnected = resolve));
        return this.scheduleUpdate();
      });
    }

    protected override update(changed: PropertyValues): void {
      this.inLocale(() => super.update(changed));
    }
  }
  return LocalizedBase;
}
