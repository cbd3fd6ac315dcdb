/**
 * The behaviour of a WAI-ARIA menu button: Enter, Space or Down open the menu on its first item, Up
 * on its last; arrows, Home, End and type-ahead move (the one roving-focus helper); Escape closes and
 * returns focus to the button; Tab or a pointer outside the host closes it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { menuButtonKey, moveFocus } from './roving-focus.js';

export class MenuButtonController implements ReactiveController {
  /** The menu is shown. */
  open = false;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #parts: { button: () => HTMLElement | null | undefined; items: () => HTMLElement[] };

  constructor(host: ReactiveControllerHost & HTMLElement, parts: { button: () => HTMLElement | null | undefined; items: () => HTMLElement[] }) {
    this.#host = host;
    this.#parts = parts;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('pointerdown', this.#onOutsidePointer, true);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.#onOutsidePointer, true);
  }

  readonly #onOutsidePointer = (event: PointerEvent) => {
    if (this.open && !event.composedPath().includes(this.#host)) this.hide(false);
  };

  /** Opens the menu with focus on its first or last item. */
  async show(focus: 'first' | 'last'): Promise<void> {
    this.open = true;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const items = this.#parts.items();
    (focus === 'first' ? items[0] : items[items.length - 1])?.focus();
  }

  /** Closes the menu; `returnFocus` puts focus back on the button. */
  hide(returnFocus: boolean): void {
    if (!this.open) return;
    this.open = false;
    this.#host.requestUpdate();
    if (returnFocus) this.#parts.button()?.focus();
  }

  /** A click on the button. */
  toggle(): void {
    if (this.open) this.hide(false);
    else void this.show('first');
  }

  /** A key on the button. */
  onButtonKeydown(event: KeyboardEvent): void {
    const focus = menuButtonKey(event.key);
    if (!focus) return;
    event.preventDefault();
    void this.show(focus);
  }

  /** A key inside the menu. */
  onMenuKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.hide(true);
    } else if (event.key === 'Tab') {
      this.hide(false);
    } else {
      moveFocus(event, this.#parts.items(), (this.#host.shadowRoot ?? document).activeElement, { orientation: 'vertical', typeahead: true });
    }
  }
}
