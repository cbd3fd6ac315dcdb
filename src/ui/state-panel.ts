/** The state panels every element shows in its table's place: empty, no matches, error, no data source. */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../i18n/localize.js';
import { UsageDataError } from '../sources/data-source.js';

export type PanelKind = 'empty' | 'error' | 'unconfigured' | 'no-permission' | 'no-matches' | 'loading';

/** A state panel's one action. `busy`: shown but inert (`aria-disabled`), so it keeps focus while its work runs. */
export interface PanelAction {
  label: string;
  onClick: () => void;
  busy?: boolean;
}

/**
 * A calm, centred message in the table's area, with at most one action. The panel takes focus
 * (`tabindex="-1"`) when the control that had it goes away (e.g. Retry, once the retry has settled).
 */
export function statePanel(kind: PanelKind, title: string, detail?: string, action?: PanelAction): TemplateResult {
  return html`<div
    class="state state-${kind}"
    part="state ${kind}-state"
    role=${kind === 'error' ? 'alert' : nothing}
    aria-busy=${kind === 'loading' ? 'true' : nothing}
    tabindex="-1"
  >
    <p class="state-title">${title}</p>
    ${detail ? html`<p class="state-detail">${detail}</p>` : nothing}
    ${
      action
        ? html`<button
            type="button"
            class="action"
            part="retry-button"
            aria-disabled=${action.busy ? 'true' : nothing}
            @click=${() => {
              if (!action.busy) action.onClick();
            }}
          >
            ${action.label}
          </button>`
        : nothing
    }
  </div>`;
}

/** What an element without a data source shows. */
export const unconfiguredPanel = () =>
  statePanel(
    'unconfigured',
    msg('No data source.'),
    msg('Set the endpoint attribute, the dataSource property, or place this element inside <ai-usage-provider>.', {
      desc: 'For the host developer: endpoint, dataSource and <ai-usage-provider> are code and stay as they are.',
    }),
  );

/**
 * The message an error state shows, in the language in force: the data error's own words
 * (`localizedMessage`), or a generic one. Call it while rendering (or inside `inLocale`).
 */
export function errorMessage(error: unknown): string {
  if (error instanceof UsageDataError) return error.localizedMessage;
  if (error instanceof Error && error.message) return msg(str`Something went wrong: ${error.message}`);
  return msg('Something went wrong.');
}

/** The error state: what failed, why, and Retry. */
export const errorPanel = (title: string, error: unknown, retry: () => unknown) =>
  statePanel('error', title, errorMessage(error), { label: msg('Retry'), onClick: () => void retry() });

/**
 * Loading again after an error (Retry, a new data source): the same panel, so the Retry button (and
 * focus on it) stays, inert and busy, until the answer replaces it (again the error panel, or the
 * rows: then focus moves to the table's region).
 */
export const retryingPanel = (title: string) => statePanel('loading', title, undefined, { label: msg('Retry'), onClick: () => undefined, busy: true });

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

  .state-loading .action[aria-disabled='true'] {
    opacity: 0.55;
    cursor: progress;
  }

  .state-error .state-title {
    color: var(--_danger);
  }

  /* The notice box: the invalid-data notice, and the trial warning (its own layout in trial-warning.ts). */
  .notice,
  .trial-warning {
    display: flex;
    gap: calc(var(--_space) * 2);
    align-items: flex-start;
    margin-bottom: calc(var(--_space) * 3);
    padding: calc(var(--_space) * 2.5) calc(var(--_space) * 3);
    border: 1px solid color-mix(in srgb, var(--_warning) 45%, transparent);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_warning) 8%, var(--_bg));
  }

  .notice p,
  .trial-warning p {
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
