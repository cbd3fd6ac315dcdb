/** The few icons the elements draw. Decorative: each is hidden from assistive tech, whose words sit beside it. */
import { html, svg } from 'lit';

const WARNING_PATH = svg`<path d="M8 1.5 15 14H1z M7.25 6h1.5v4h-1.5z M7.25 11h1.5v1.5h-1.5z" fill-rule="evenodd"></path>`;

/** The one warning triangle: invalid-data markers (`row-warning`) and notices (`notice-icon`). */
export const warningIcon = (cls: 'row-warning' | 'notice-icon' = 'row-warning') =>
  html`<svg class=${cls} viewBox="0 0 16 16" aria-hidden="true" focusable="false">${WARNING_PATH}</svg>`;

/** The menu button's chevron. */
export const chevronIcon = html`<svg class="chevron" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
  <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.6"></path>
</svg>`;
