/** Pure templates of "Configure AI Voice": the menu button and what the dialogs share (their bodies: voice-configure.dialogs.ts). */
import { html, type TemplateResult } from 'lit';
import { formatDate } from '../../format/format.js';
import { daysUntil } from '../../format/license.js';
import { msg, plural, str } from '../../i18n/localize.js';
import type { PlanView } from '../../validate/plan.js';
import { chevronIcon } from '../../ui/icons.js';
import { errorMessage } from '../../ui/state-panel.js';
import type { ActivationProblem } from './voice-configure.activation.js';

export type DialogKind = 'trial' | 'plans' | 'usage';

/** A dialog's title, in the language in force (call it while rendering). */
export function dialogTitle(kind: DialogKind): string {
  return kind === 'trial'
    ? msg('AI Voice trial', { desc: 'Title of the trial dialog' })
    : kind === 'plans'
      ? msg('Pricing plans')
      : msg('Usage this month', { desc: 'Title of the usage dialog' });
}

/** The menu's second and third lines (the first is `trialLine`). */
export const plansMenuItem = () => msg('Pricing plans…', { desc: 'Menu item: opens the pricing plans dialog' });
export const usageMenuItem = () => msg('Usage this month…', { desc: 'Menu item: opens the dialog with this month’s usage' });

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

/**
 * What the trial dialog says after an activation whose outcome is unknown; `recheck` when the plan
 * must be read again first. Call it while rendering (the words are in the language in force).
 */
export function unknownOutcome(why: string, planReread: boolean): NonNullable<ConfigureContext['unknown']> {
  return planReread
    ? { message: msg(str`We couldn’t confirm the activation (${why}). The server says the trial is still available, so you can try again.`), recheck: false }
    : { message: msg(str`We couldn’t tell whether the trial was activated (${why}). Check again before you try once more.`), recheck: true };
}

/** What to say under the menu button about an activation that did not succeed while the trial dialog was closed. Call it while rendering. */
export function missedMessage(missed: ActivationProblem): string {
  const why = errorMessage(missed.error);
  return missed.kind === 'failed' ? msg(str`Couldn’t activate the AI Voice trial. ${why}`) : unknownOutcome(why, missed.planReread).message;
}

export const primary = (label: string, onClick: () => void) => html`<button type="button" class="action primary" data-initial-focus @click=${onClick}>${label}</button>`;
export const secondary = (label: string, onClick: () => void) => html`<button type="button" class="action" @click=${onClick}>${label}</button>`;
export const actions = (...buttons: unknown[]) => html`<div class="dialog-actions">${buttons}</div>`;
/** An activation or loading failure, announced. */
export const failure = (message: string) => html`<p class="dialog-error" role="alert">${message}</p>`;

/** The menu's first line: what the trial is doing; `missed` when an activation did not succeed while its dialog was closed. */
export function trialLine(ctx: ConfigureContext, plan: PlanView | undefined, failed: boolean, missed = false): string {
  if (!plan)
    return failed
      ? msg('Trial (couldn’t load)', { desc: 'Menu item: the trial, whose state could not be loaded' })
      : msg('Trial…', { desc: 'Menu item: the trial, while its state loads' });
  const { status, endsAt } = plan.trial;
  const date = formatDate(endsAt, ctx.locale, ctx.timeZone);
  if (status === 'available')
    return ctx.busy
      ? msg('Activating trial…', { desc: 'Menu item: the trial is being activated' })
      : missed
        ? msg('Activate trial… (last try did not succeed)', { desc: 'Menu item: opens the trial dialog; the last activation failed' })
        : msg('Activate trial…', { desc: 'Menu item: opens the trial dialog' });
  if (status === 'active') {
    const left = endsAt ? daysUntil(endsAt, ctx.now, ctx.timeZone) : undefined;
    if (left !== undefined && left < 0) return msg(str`Trial ended ${date}`, { desc: 'Menu item: the trial ended on this date' });
    if (!endsAt) return msg('Trial active', { desc: 'Menu item: the trial is active' });
    if (left === undefined) return msg(str`Trial active · ends ${date}`, { desc: 'Menu item: the trial is active until this date' });
    return plural(left, {
      one: () => msg(str`Trial active · ends ${date} (${left} day left)`, { desc: 'Menu item: the trial is active until this date' }),
      other: () => msg(str`Trial active · ends ${date} (${left} days left)`, { desc: 'Menu item: the trial is active until this date' }),
    });
  }
  if (status === 'expired')
    return endsAt ? msg(str`Trial ended ${date}`, { desc: 'Menu item: the trial ended on this date' }) : msg('Trial ended', { desc: 'Menu item: the trial has ended' });
  return msg('Trial not available', { desc: 'Menu item: this organization cannot have a trial' });
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
      ${msg('Configure AI Voice')} ${chevronIcon}
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
  return html`<p class="dialog-error activation-notice" role="alert">
    ${message} <button type="button" class="link" @click=${show}>${msg('Show the trial', { desc: 'Link: opens the trial dialog with the details of a failed activation' })}</button>
  </p>`;
}

/** While the plan is not there: loading, or why it failed with Retry. */
export function planState(ctx: ConfigureContext, error: string | undefined, retry: () => void): TemplateResult {
  if (error !== undefined) {
    return html`${failure(msg(str`Couldn’t load the plan. ${error}`))}${actions(secondary(msg('Retry'), retry), primary(msg('Close'), ctx.close))}`;
  }
  return html`<p aria-busy="true">${msg('Loading the plan…')}</p>
    ${actions(primary(msg('Close'), ctx.close))}`;
}
