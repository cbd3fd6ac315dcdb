/**
 * An element's language: its `locale`, else the nearest `lang` (followed as it changes, through
 * shadow roots), else the browser's. The element renders inside that language's scope, and waits
 * for a catalogue that is not here yet instead of flashing English first.
 *
 * Server rendering (`@lit-labs/ssr`) and hydration: on the server an element speaks its `locale`,
 * else its own `lang`, else English (the page's `lang` and the browser's language are not known
 * there), and leaves the language it spoke in the attribute `ssr-lang`. In the browser, with Lit's
 * hydrate support, the element takes over the server's DOM when its first state there is the one
 * the server drew (same language, same `status`); otherwise, and without hydrate support, it clears
 * that DOM and renders afresh, so the UI is never drawn twice nor left in the server's words.
 */
import { isServer, type LitElement, type PropertyValues } from 'lit';
import { safeLocale } from '../format/format.js';
import { ENGLISH, inScope, languageOf, LANGUAGES, scopeFor, type Language, type LocaleScope } from './localize.js';

/** Where a server render notes the language of its words (`en`, `sv`, `de`); removed when the element starts in the browser. */
const SERVER_LANGUAGE_ATTRIBUTE = 'ssr-lang';

// The server starts loading every catalogue as soon as the elements are imported, so that its
// renders (which cannot wait) are in the element's language; until one is in, that language renders
// in English and says so in `ssr-lang`.
if (isServer) for (const language of LANGUAGES) if (language !== 'en') void scopeFor(language);

/** Lit's hydrate support (`@lit-labs/ssr-client/lit-element-hydrate-support.js`) sets this while the element's first update is to take over the server's DOM. */
interface Hydratable {
  _$needsHydration?: boolean;
}

/** Elements that hold a server render not taken over yet: the language the server spoke, and whether their first state here differs from the server's. */
const serverRenders = new WeakMap<Element, { language: Language; differs: boolean }>();

/**
 * Says that `element`'s first state in the browser is not the one the server drew (e.g. `status`
 * differs: a data source set only in the browser), so it renders afresh instead of taking over the
 * server's DOM. Call it before the first update renders; does nothing for an element that was not server-rendered.
 */
export function serverRenderDiffers(element: Element): void {
  const render = serverRenders.get(element);
  if (render) render.differs = true;
}

/** Removes a server render from `root`, but its `<style>` when `keepStyles` (with hydrate support it is the element's only copy of its styles). */
function clearServerRender(root: ShadowRoot, keepStyles: boolean): void {
  for (const node of [...root.childNodes]) if (!(keepStyles && node instanceof HTMLStyleElement)) node.remove();
}

/** The nearest `lang` attribute, looking through shadow roots; on the server the element's own only (it sees no page around it). */
export function inheritedLang(element: Element): string | undefined {
  if (isServer) return element.getAttribute('lang') || undefined;
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
      const own = safeLocale((this as { locale?: string }).locale) ?? safeLocale(inheritedLang(this));
      // On the server `navigator` is the server's (Node has one): not the reader's language.
      return isServer ? own : (own ?? safeLocale(globalThis.navigator?.language));
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
      // On the server (where a host may have `connectedCallback` called, see `LitElementRenderer.renderOptions`)
      // there is no page to connect to: nothing to follow, observe or load.
      if (isServer) return;
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

    /**
     * Server rendering: the server calls `willUpdate()`, then `render()` by itself (no `update()`).
     * Here the element commits its language (English while its catalogue is not in yet), notes it
     * in `ssr-lang`, and has `render()` run in it.
     */
    protected override willUpdate(changed: PropertyValues): void {
      super.willUpdate(changed);
      if (!isServer) return;
      const locale = this.#resolve();
      const scope = scopeFor(locale ?? 'en');
      this.#committed = scope instanceof Promise ? { locale: undefined, scope: ENGLISH } : { locale, scope };
      this.setAttribute(SERVER_LANGUAGE_ATTRIBUTE, this.#committed.scope.language);
      if (!Object.hasOwn(this, 'render')) {
        const render = this.render;
        this.render = () => this.inLocale(() => render.call(this));
      }
    }

    /**
     * A server-rendered element (a declarative shadow root is already there): with hydrate support
     * it remembers what the server drew, to take it over in its first update; without, it clears it
     * now, so that the first render does not draw the UI a second time beside it.
     */
    protected override createRenderRoot(): HTMLElement | DocumentFragment {
      const declarative = isServer ? null : this.shadowRoot;
      const root = super.createRenderRoot();
      if (declarative && root === declarative) {
        const language = languageOf(this.getAttribute(SERVER_LANGUAGE_ATTRIBUTE) ?? 'en');
        this.removeAttribute(SERVER_LANGUAGE_ATTRIBUTE);
        if ((this as Hydratable)._$needsHydration) serverRenders.set(this, { language, differs: false });
        else {
          clearServerRender(declarative, false);
          this.renderOptions.renderBefore = null;
        }
      }
      return root;
    }

    /** Leaves the server's DOM (but its styles): the first update renders afresh. */
    #dropServerRender(): void {
      (this as Hydratable)._$needsHydration = false;
      clearServerRender(this.renderRoot as ShadowRoot, true);
    }

    protected override update(changed: PropertyValues): void {
      const server = serverRenders.get(this);
      if (!server) {
        this.inLocale(() => super.update(changed));
        return;
      }
      // The first update of a server-rendered element: take its DOM over when it shows what this
      // update would render (the same words, the same state), else render afresh.
      serverRenders.delete(this);
      if (server.differs || server.language !== (this.#committed?.scope ?? ENGLISH).language) this.#dropServerRender();
      const hydrating = (this as Hydratable)._$needsHydration === true;
      this.inLocale(() => {
        try {
          super.update(changed);
        } catch (error) {
          if (!hydrating) throw error;
          // Hydration met other templates than the server's: render afresh (an error again is the render's own).
          this.#dropServerRender();
          super.update(changed);
        }
      });
    }
  }
  return LocalizedBase;
}
