/**
 * Roving focus for composite widgets (the Configure menu, the tabs): arrow keys move between items,
 * Home and End jump to the ends, and (for menus) a typed letter jumps to the next item starting
 * with it. One of the items is focused; the caller decides what else follows (selecting a tab).
 */

export interface RovingOptions {
  /** Which arrows move: Up/Down (menus) or Left/Right (tabs, mirrored in right-to-left). */
  orientation: 'vertical' | 'horizontal';
  /** Right-to-left: Left moves forward. */
  rtl?: boolean;
  /** A printable key jumps to the next item whose text starts with it. */
  typeahead?: boolean;
  /** Wrap from the last item to the first and back (default true). */
  wrap?: boolean;
}

/** The index a key moves to from `index` among `labels`, or `undefined` if the key does not move focus. Pure. */
export function rovingIndex(key: string, index: number, labels: readonly string[], options: RovingOptions): number | undefined {
  const count = labels.length;
  if (count === 0) return undefined;
  const step = (delta: number) => {
    const next = index + delta;
    return options.wrap === false ? Math.max(0, Math.min(count - 1, next)) : (next + count) % count;
  };
  const forward = options.orientation === 'vertical' ? 'ArrowDown' : options.rtl ? 'ArrowLeft' : 'ArrowRight'; // i18n-ignore: KeyboardEvent.key values
  const backward = options.orientation === 'vertical' ? 'ArrowUp' : options.rtl ? 'ArrowRight' : 'ArrowLeft'; // i18n-ignore: KeyboardEvent.key values
  if (key === forward) return step(1);
  if (key === backward) return step(-1);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  if (options.typeahead && key.length === 1 && /\S/.test(key)) {
    const letter = key.toLocaleLowerCase();
    for (let i = 1; i <= count; i++) {
      const candidate = (index + i + count) % count;
      if (labels[candidate]?.trim().toLocaleLowerCase().startsWith(letter)) return candidate;
    }
  }
  return undefined;
}

/**
 * Handles a keydown inside a roving group: focuses the item the key leads to and prevents the key's
 * default. Returns that item's index, or `undefined` when the key was not for the group.
 */
export function moveFocus(event: KeyboardEvent, items: readonly HTMLElement[], current: Element | null, options: RovingOptions): number | undefined {
  const index = items.indexOf(current as HTMLElement);
  const next = rovingIndex(
    event.key,
    index,
    items.map((item) => item.textContent ?? ''),
    options,
  );
  if (next === undefined) return undefined;
  event.preventDefault();
  items[next]?.focus();
  return next;
}

/** A key on a menu button: Enter, Space or Down open the menu on its first item, Up on its last. */
export function menuButtonKey(key: string): 'first' | 'last' | undefined {
  if (key === 'ArrowDown' || key === 'Enter' || key === ' ') return 'first';
  return key === 'ArrowUp' ? 'last' : undefined;
}
