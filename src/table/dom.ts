/**
 * Building table cells without a template engine in the hot path: elements, attributes and text
 * nodes made directly, so a row costs the nodes a reader sees and no markers. Text from data only
 * ever becomes a text node or an attribute value, never markup. A cell may still hold a lit
 * template (rendered in place), so columns can mix both.
 */
import { nothing, render, type RenderOptions } from 'lit';

/** What a cell (or part of one) may hold: text, numbers, nodes, lit templates, lists of those, or nothing. */
export type Content = unknown;

const isTemplate = (value: unknown): boolean => typeof value === 'object' && value !== null && '_$litType$' in value;

/** Appends content to a node: strings and numbers as text, nodes as they are, lit templates rendered in place. */
export function append(parent: Node, content: Content, options?: RenderOptions): void {
  if (content === undefined || content === null || content === false || content === nothing || content === '') return;
  if (typeof content === 'string' || typeof content === 'number') parent.appendChild(document.createTextNode(String(content)));
  else if (content instanceof Node) parent.appendChild(content);
  else if (Array.isArray(content)) for (const item of content) append(parent, item, options);
  else if (isTemplate(content)) {
    const fragment = document.createDocumentFragment();
    // Only the host (for event listeners' `this`): the element's own `renderBefore` (set where
    // constructable stylesheets are missing) would make lit render into the element's root instead.
    render(content, fragment, { host: options?.host });
    parent.appendChild(fragment);
  }
}

/** An element with attributes (skipped when `undefined`) and children. */
export function h(tag: string, attributes?: Record<string, string | undefined> | null, ...children: Content[]): HTMLElement {
  const el = document.createElement(tag);
  if (attributes) for (const name in attributes) if (attributes[name] !== undefined) el.setAttribute(name, attributes[name]);
  for (const child of children) append(el, child);
  return el;
}
