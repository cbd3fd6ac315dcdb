/**
 * Keeps keyboard focus inside an element when an update removes or disables the focused control (a
 * Retry that gives way to the rows, a paging button at the last page, a sort header replaced while
 * loading): focus moves to the first usable of a list of stable targets instead of `<body>`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where focus may go when the focused control leaves (or is disabled), best first. */
export type FocusTargets = (lost: HTMLElement, root: ShadowRoot) => readonly (HTMLElement | null | undefined)[];

/** The stable places in a table element: the table's region (named by its caption), then the state panel shown instead. */
export const tableFocusTargets = (root: ShadowRoot): HTMLElement[] =>
  [root.querySelector<HTMLElement>('[part~="scroller"][tabindex]'), root.querySelector<HTMLElement>('.state[tabindex]')].filter((e): e is HTMLElement => !!e);

const canTakeFocus = (el: HTMLElement | null | undefined): el is HTMLElement =>
  !!el && el.isConnected && !(el as HTMLButtonElement).disabled && el.getAttribute('aria-hidden') !== 'true' && !el.closest('[inert]');

export class FocusKeeper implements ReactiveController {
  /** The control focused in the host's shadow root when the update began. */
  #focusedBefore: HTMLElement | undefined;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #targets: FocusTargets;

  constructor(host: ReactiveControllerHost & HTMLElement, targets: FocusTargets = (_lost, root) => tableFocusTargets(root)) {
    this.#host = host;
    this.#targets = targets;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#focusedBefore = undefined;
  }

  hostUpdate(): void {
    const active = this.#host.shadowRoot?.activeElement;
    this.#focusedBefore = active instanceof HTMLElement ? active : undefined;
  }

  hostUpdated(): void {
    const lost = this.#focusedBefore;
    const root = this.#host.shadowRoot;
    this.#focusedBefore = undefined;
    if (!lost || !root || canTakeFocus(lost)) return;
    const now = root.activeElement;
    // Only when focus is (or is about to be) lost: not when the user or the element has moved it on.
    const dropped = now === lost || (!now && (!document.activeElement || document.activeElement === document.body || document.activeElement === this.#host));
    if (!dropped) return;
    this.#targets(lost, root).find(canTakeFocus)?.focus();
  }
}
