import { css, html, nothing, type TemplateResult } from 'lit';
import { UsageDataError } from '../data/data-source.js';
import { NOT_AVAILABLE } from '../format/format.js';
import type { Problem } from '../data/validate.js';

/** A calm, centred message in the table's area, with at most one action. */
export function statePanel(
  kind: 'empty' | 'error' | 'unconfigured' | 'no-permission' | 'no-matches',
  title: string,
  detail?: string,
  action?: { label: string; onClick: () => void },
): TemplateResult {
  return html`<div class="state state-${kind}" part="state ${kind}-state" role=${kind === 'error' ? 'alert' : nothing}>
    <p class="state-title">${title}</p>
    ${detail ? html`<p class="state-detail">${detail}</p>` : nothing}
    ${action ? html`<button type="button" class="action" part="retry-button" @click=${action.onClick}>${action.label}</button>` : nothing}
  </div>`;
}

/** The message an error state shows: the data error's own words, or a generic one. */
export function errorMessage(error: unknown): string {
  if (error instanceof UsageDataError) return error.message;
  if (error instanceof Error && error.message) return `Something went wrong: ${error.message}`;
  return 'Something went wrong.';
}

/** An invalid value: an em dash that assistive tech reads as "not available". */
export const notAvailable = html`<span class="na" title="Not available"
  ><span aria-hidden="true">${NOT_AVAILABLE}</span><span class="visually-hidden">not available</span></span
>`;

/** One notice above the table: how many rows had problems, the details on demand. */
export function problemNotice(problems: readonly Problem[], rowsWithProblems: number, noun: string): TemplateResult | typeof nothing {
  if (problems.length === 0) return nothing;
  const rowsText = rowsWithProblems === 1 ? `1 ${noun} has invalid data` : `${rowsWithProblems} ${noun}s have invalid data`;
  const otherCount = problems.filter((p) => p.row === undefined).length;
  const headline =
    rowsWithProblems > 0
      ? `${rowsText}: invalid values show as ${NOT_AVAILABLE} and are left out of totals.`
      : `The data has ${otherCount === 1 ? 'a problem' : `${otherCount} problems`}.`;
  return html`<div class="notice" part="notice">
    <svg class="notice-icon" viewBox="0 0 16 16" aria-hidden="true"><path d="M8 1.5 15 14H1z M7.25 6h1.5v4h-1.5z M7.25 11h1.5v1.5h-1.5z" fill-rule="evenodd"></path></svg>
    <div>
      <p class="notice-title">${headline}</p>
      <details>
        <summary>Show details</summary>
        <ul>
          ${problems.map((p) => html`<li>${p.message}</li>`)}
        </ul>
      </details>
    </div>
  </div>`;
}

export const stateStyles = css`
  .state {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_space) * 2);
    min-height: calc(var(--_row-height) * 4);
    padding: calc(var(--_space) * 6) calc(var(--_space) * 4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    text-align: center;
  }

  .state p {
    margin: 0;
    max-width: 48ch;
  }

  .state-title {
    font-weight: 500;
  }

  .state-detail {
    color: var(--_muted);
    overflow-wrap: anywhere;
  }

  .state-error .state-title {
    color: var(--_danger);
  }

  .notice {
    display: flex;
    gap: calc(var(--_space) * 2);
    align-items: flex-start;
    margin-bottom: calc(var(--_space) * 3);
    padding: calc(var(--_space) * 2.5) calc(var(--_space) * 3);
    border: 1px solid color-mix(in srgb, var(--_warning) 45%, transparent);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_warning) 8%, var(--_bg));
  }

  .notice p {
    margin: 0;
  }

  .notice-icon {
    flex: none;
    width: 16px;
    height: 16px;
    margin-top: 2px;
    fill: var(--_warning);
  }

  .notice summary {
    margin-top: var(--_space);
    color: var(--_accent);
    cursor: pointer;
  }

  .notice ul {
    margin: var(--_space) 0 0;
    padding-inline-start: 1.25em;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }

  .na {
    color: var(--_muted);
  }

  .row-warning {
    display: inline-block;
    width: 14px;
    height: 14px;
    margin-inline-end: var(--_space);
    vertical-align: -2px;
    fill: var(--_warning);
  }
`;
