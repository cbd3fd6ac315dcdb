/** Pure templates of "Configure AI Voice": the menu button, and the trial, pricing plans and usage dialogs. */
import { html, nothing, type TemplateResult } from 'lit';
import { formatAmount, formatCurrency, formatDate, formatMonth, formatPercent, isBlankText, isFiniteNumber } from '../../format/format.js';
import { daysUntil } from '../../format/license.js';
import { projectUsage, type PlanView } from '../../validate/plan.js';
import { inlineSize, notAvailable, unnamed } from '../../ui/cells.js';
import { chevronIcon } from '../../ui/icons.js';

export type DialogKind = 'trial' | 'plans' | 'usage';

export const DIALOG_TITLES: Record<DialogKind, string> = { trial: 'AI Voice trial', plans: 'Pricing plans', usage: 'Usage this month' };

/** Everything the templates read, and the actions they call. */
export interface ConfigureContext {
  locale: string | undefined;
  timeZone: string | undefined;
  now: Date;
  /** The organization's month, `YYYY-MM`, and its billable minutes so far (when known). */
  month: string | undefined;
  billableMinutes: number | undefined;
  /** An activation is on its way (from this element or another on the same backend). */
  busy: boolean;
  /** Why the last activation did not succeed (the server said no). */
  activationError: string | undefined;
  /** The last activation's outcome is unknown: what to tell the user. `recheck` when the plan must be read again before activating. */
  unknown: { message: string; recheck: boolean } | undefined;
  justActivated: boolean;
  close: () => void;
  openDialog: (kind: DialogKind) => void;
  activate: () => void;
  recheck: () => void;
  showHistory: () => void;
}

/** What the trial dialog says after an activation whose outcome is unknown; `recheck` when the plan must be read again first. */
export function unknownOutcome(why: string, planReread: boolean): NonNullable<ConfigureContext['unknown']> {
  return planReread
    ? { message: `We couldn’t confirm the activation (${why}). The server says the trial is still available, so you can try again.`, recheck: false }
    : { message: `We couldn’t tell whether the trial was activated (${why}). Check again before you try once more.`, recheck: true };
}

const daysText = (n: number) => (n === 1 ? '1 day' : `${n} days`);
const primary = (label: string, onClick: () => void) => html`<button type="button" class="action primary" data-initial-focus @click=${onClick}>${label}</button>`;
const secondary = (label: string, onClick: () => void) => html`<button type="button" class="action" @click=${onClick}>${label}</button>`;
const actions = (...buttons: unknown[]) => html`<div class="dialog-actions">${buttons}</div>`;
/** An activation or loading failure, announced. */
const failure = (message: string) => html`<p class="dialog-error" role="alert">${message}</p>`;

/** The menu's first line: what the trial is doing; `missed` when an activation did not succeed while its dialog was closed. */
export function trialLine(ctx: ConfigureContext, plan: PlanView | undefined, failed: boolean, missed = false): string {
  if (!plan) return failed ? 'Trial (couldn’t load)' : 'Trial…';
  const { status, endsAt } = plan.trial;
  const date = formatDate(endsAt, ctx.locale, ctx.timeZone);
  if (status === 'available') return ctx.busy ? 'Activating trial…' : missed ? 'Activate trial… (last try did not succeed)' : 'Activate trial…';
  if (status === 'active') {
    const left = endsAt ? daysUntil(endsAt, ctx.now, ctx.timeZone) : undefined;
    if (left !== undefined && left < 0) return `Trial ended ${date}`;
    return endsAt ? `Trial active · ends ${date}${left !== undefined ? ` (${daysText(left)} left)` : ''}` : 'Trial active';
  }
  if (status === 'expired') return endsAt ? `Trial ended ${date}` : 'Trial ended';
  return 'Trial not available';
}

export function menuButton(
  open: boolean,
  lines: readonly [string, string, string],
  handlers: {
    toggle: () => void;
    keydownButton: (e: KeyboardEvent) => void;
    keydownMenu: (e: KeyboardEvent) => void;
    choose: (kind: DialogKind) => void;
  },
): TemplateResult {
  const kinds: DialogKind[] = ['trial', 'plans', 'usage'];
  return html`<div class="configure">
    <button
      type="button"
      class="action configure-button"
      part="configure-button"
      id="configure-button"
      aria-haspopup="menu"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="configure-menu"
      @click=${handlers.toggle}
      @keydown=${handlers.keydownButton}
    >
      Configure AI Voice ${chevronIcon}
    </button>
    <div class="menu" part="configure-menu" id="configure-menu" role="menu" aria-labelledby="configure-button" ?hidden=${!open} @keydown=${handlers.keydownMenu}>
      ${kinds.map((kind, i) => html`<button type="button" role="menuitem" tabindex="-1" @click=${() => handlers.choose(kind)}>${lines[i]}</button>`)}
    </div>
  </div>`;
}

/**
 * Under the menu button: an activation that did not succeed while its dialog was closed (announced
 * as an alert; the dialog is not reopened by itself). "Show" opens the trial dialog with the details.
 */
export function missedNotice(message: string, show: () => void): TemplateResult {
  return html`<p class="dialog-error activation-notice" role="alert">${message} <button type="button" class="link" @click=${show}>Show the trial</button></p>`;
}

/** While the plan is not there: loading, or why it failed with Retry. */
export function planState(ctx: ConfigureContext, error: string | undefined, retry: () => void): TemplateResult {
  if (error !== undefined) {
    return html`${failure(`Couldn’t load the plan. ${error}`)}${actions(secondary('Retry', retry), primary('Close', ctx.close))}`;
  }
  return html`<p aria-busy="true">Loading the plan…</p>
    ${actions(primary('Close', ctx.close))}`;
}

export function trialBody(ctx: ConfigureContext, plan: PlanView): TemplateResult {
  const { status, endsAt, days } = plan.trial;
  const left = endsAt ? daysUntil(endsAt, ctx.now, ctx.timeZone) : undefined;
  const until = endsAt ? ` until ${formatDate(endsAt, ctx.locale, ctx.timeZone)}` : '';
  if (ctx.justActivated && status === 'active') {
    return html`<p role="status">
        The trial is active${until}${left !== undefined && left >= 0 ? ` (${daysText(left)} left)` : ''}. Your AI voice agents take calls free of charge until then.
      </p>
      ${actions(primary('Done', ctx.close))}`;
  }
  if (status === 'available') {
    const busy = ctx.busy;
    const recheck = !busy && ctx.unknown?.recheck;
    return html`<p>
        Your AI voice agents start taking calls free of charge${days ? html`${' '}for <strong>${days} days</strong>` : ''}, starting now. Trial calls and minutes show in the usage
        tables like any others.
      </p>
      <p>When the trial ends, calls are billed on your pricing plan. You can activate the trial only once.</p>
      ${ctx.activationError ? failure(`Couldn’t activate the trial. ${ctx.activationError}`) : nothing} ${ctx.unknown ? failure(ctx.unknown.message) : nothing}
      <div class="dialog-actions">
        <button type="button" class="action" data-initial-focus @click=${ctx.close}>${busy ? 'Close' : 'Cancel'}</button>
        ${
          recheck
            ? html`<button type="button" class="action primary" @click=${ctx.recheck}>Check again</button>`
            : html`<button
                type="button"
                class="action primary activate"
                aria-disabled=${busy ? 'true' : 'false'}
                aria-busy=${busy ? 'true' : 'false'}
                @keydown=${(e: KeyboardEvent) => {
                  // A held key repeats: only a deliberate press confirms.
                  if (e.repeat && (e.key === 'Enter' || e.key === ' ')) e.preventDefault();
                }}
                @click=${ctx.activate}
              >
                ${busy ? html`<span class="spinner" aria-hidden="true"></span>Activating…` : ctx.activationError || ctx.unknown ? 'Try again' : 'Activate trial'}
              </button>`
        }
      </div>`;
  }
  const text =
    status === 'active'
      ? `The trial is active${until}${left !== undefined && left >= 0 ? `, ${daysText(left)} left` : ''}.`
      : status === 'expired'
        ? `The trial ended${endsAt ? ` on ${formatDate(endsAt, ctx.locale, ctx.timeZone)}` : ''}. Calls are billed on your pricing plan.`
        : 'A trial is not available for this organization.';
  return html`<p>${text}</p>
    ${actions(
      secondary('See pricing plans', () => ctx.openDialog('plans')),
      primary('Close', ctx.close),
    )}`;
}

export function plansBody(ctx: ConfigureContext, plan: PlanView): TemplateResult {
  const price = (p: PlanView['plans'][number]) => (isFiniteNumber(p.pricePerMinute) && p.currency ? formatCurrency(p.pricePerMinute, p.currency, ctx.locale) : notAvailable);
  const name = (p: PlanView['plans'][number]) =>
    p.name === undefined ? notAvailable : isBlankText(p.name) ? unnamed : html`<span class="plan-name" dir="auto" title=${p.name}>${p.name}</span>`;
  if (plan.plans.length === 0)
    return html`<p>No pricing plans are offered.</p>
      ${actions(primary('Close', ctx.close))}`;
  return html`<table class="plans" part="plans-table">
      <caption class="visually-hidden">
        Pricing plans
      </caption>
      <thead>
        <tr>
          <th scope="col">Plan</th>
          <th scope="col" class="numeric">Price per minute</th>
          <th scope="col" class="numeric">Included minutes</th>
        </tr>
      </thead>
      <tbody>
        ${plan.plans.map((p) => {
          const current = p.id !== undefined && p.id === plan.currentPlanId;
          return html`<tr class=${current ? 'current' : ''}>
            <th scope="row">${name(p)}${current ? html`${' '}<span class="current-badge">Current plan</span>` : nothing}</th>
            <td class="numeric">${price(p)}</td>
            <td class="numeric">${isFiniteNumber(p.includedMinutes) ? formatAmount(p.includedMinutes, ctx.locale) : notAvailable}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${plan.currentPlanId === null ? html`<p class="muted">No plan is active${plan.trial.status === 'active' ? ' during the trial' : ''}.</p>` : nothing}
    ${actions(primary('Close', ctx.close))}`;
}

export function usageBody(ctx: ConfigureContext, plan: PlanView): TemplateResult {
  const { locale, month, billableMinutes } = ctx;
  const current = plan.plans.find((p) => p.id !== undefined && p.id === plan.currentPlanId);
  const footer = actions(secondary('See month-by-month history', ctx.showHistory), primary('Close', ctx.close));
  if (billableMinutes === undefined || !month)
    return html`<p>This month’s billable minutes are not available yet.</p>
      ${footer}`;
  const p = projectUsage(billableMinutes, current?.includedMinutes, month, ctx.now, ctx.timeZone);
  const n = (v: number) => formatAmount(v, locale, 0);
  const percent = p.share === undefined ? undefined : formatPercent(p.share, locale);
  const allowance = p.included !== undefined && p.included > 0 ? p.included : undefined;
  const over = allowance !== undefined && p.used > allowance ? p.used - allowance : 0;
  const projectedOver = allowance !== undefined && p.projected > allowance;
  return html`<p class="usage-figure">
      <strong>${n(p.used)}</strong> billable minutes in
      ${formatMonth(month, locale)}${allowance !== undefined ? html`${' '}of <strong>${n(allowance)}</strong> included in ${current?.name ?? 'your plan'}` : ''}.
    </p>
    ${
      allowance !== undefined
        ? html`<div
              class="meter ${over ? 'over' : ''}"
              part="usage-meter"
              role="meter"
              aria-label="Billable minutes used this month"
              aria-valuemin="0"
              aria-valuemax=${allowance}
              aria-valuenow=${Math.min(p.used, allowance)}
              aria-valuetext=${`${n(p.used)} of ${n(allowance)} minutes (${percent})${over ? `, ${n(over)} over` : ''}`}
            >
              <span class="fill" ${inlineSize(Math.min(100, (p.share ?? 0) * 100))}></span>
            </div>
            <p class="meter-legend">
              <span>${percent} used</span><span>${over ? html`<strong>${n(over)} minutes over the allowance</strong>` : `${n(allowance - p.used)} minutes left`}</span>
            </p>`
        : html`<p class="muted">${plan.trial.status === 'active' ? 'During the trial no allowance applies.' : 'No plan with an allowance is active.'}</p>`
    }
    <p>
      At this month’s pace (${p.elapsedDays} of ${p.monthDays} days), you will reach about <strong>${n(p.projected)}</strong> billable minutes by the end of
      ${formatMonth(month, locale)}${projectedOver ? html`, <strong>over</strong> the allowance` : ''}.
    </p>
    ${footer}`;
}
