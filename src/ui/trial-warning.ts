/** The warning above the voice table while an active trial ends soon. A pure template. */
import { css, html, nothing, type TemplateResult } from 'lit';
import { formatDate } from '../format/format.js';
import { daysUntil } from '../format/license.js';
import { msg, plural, str } from '../i18n/localize.js';
import { warningIcon } from './icons.js';

export interface TrialWarningInput {
  trial: { status: string; endsAt: string | undefined } | undefined;
  /** Days before the end from which the warning shows. */
  warnDays: number;
  now: Date;
  locale: string | undefined;
  timeZone: string | undefined;
  onSeePlans: () => void;
}

export function trialWarning({ trial, warnDays, now, locale, timeZone, onSeePlans }: TrialWarningInput): TemplateResult | typeof nothing {
  if (trial?.status !== 'active' || !trial.endsAt) return nothing;
  const left = daysUntil(trial.endsAt, now, timeZone);
  if (left === undefined || left < 0 || left > (Number.isFinite(warnDays) ? warnDays : 7)) return nothing;
  const date = formatDate(trial.endsAt, locale, timeZone);
  const text =
    left === 0
      ? msg(str`Your AI Voice trial ends today (${date}). After that, calls are billed on your pricing plan.`)
      : left === 1
        ? msg(str`Your AI Voice trial ends tomorrow (${date}). After that, calls are billed on your pricing plan.`)
        : plural(left, {
            one: () => msg(str`Your AI Voice trial ends in ${left} day (${date}). After that, calls are billed on your pricing plan.`),
            other: () => msg(str`Your AI Voice trial ends in ${left} days (${date}). After that, calls are billed on your pricing plan.`),
          });
  return html`<div class="trial-warning" part="trial-warning">
    ${warningIcon('notice-icon')}
    <p>${text}</p>
    <button type="button" class="link" @click=${onSeePlans}>${msg('See pricing plans')}</button>
  </div>`;
}

/** On top of the notice box in `stateStyles` (which every element has, and which comes first). */
export const trialWarningStyles = css`
  .trial-warning {
    flex-wrap: wrap;
    align-items: center;
    column-gap: calc(var(--_space) * 3);
  }

  .trial-warning p {
    flex: 1;
  }
`;
