/**
 * "Configure AI Voice": a WAI-ARIA menu button with the trial, pricing plans and usage, each in a
 * native <dialog>. The only place the elements change something on the backend (POST voice/trial),
 * so activation is exact: one request at a time, cancelable by the host, never claims success
 * without the server's answer.
 */
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { errorMessage, notAvailable, problemNotice } from '../../base/states.js';
import { UsageDataError, type UsageDataSource } from '../../data/data-source.js';
import { projectUsage, validateVoicePlan, type PlanView } from '../../data/plan.js';
import type { TrialActivatedDetail, TrialActivateRequestDetail } from '../../events.js';
import { formatAmount, formatDate, formatMonth, isFiniteNumber, numberFormat } from '../../format/format.js';
import { daysUntil } from '../../format/license.js';

export interface ConfigureHost extends ReactiveControllerHost, HTMLElement {
  readonly resolvedDataSource: UsageDataSource | undefined;
  readonly effectiveLocale: string | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The organization's month and time zone, and this month's billable minutes (when known). */
  readonly usageContext: { month: string | undefined; timeZone: string | undefined; billableMinutes: number | undefined };
  /** Days before a trial's end from which the warning shows. */
  readonly trialWarningDays: number;
  /** The moment "days left" and the projection count from. */
  readonly now: Date;
}

type DialogKind = 'trial' | 'plans' | 'usage';

/** Activations on their way, per data source: two elements on one source still send one POST. */
const inFlight = new WeakMap<UsageDataSource, Promise<void>>();

const daysText = (n: number) => (n === 1 ? '1 day' : `${n} days`);

const dispatch = <T>(host: HTMLElement, type: string, detail: T, cancelable = false) =>
  host.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable }));

export class ConfigureVoiceController implements ReactiveController {
  private menuOpen = false;
  private dialog: DialogKind | undefined;
  private activation: Promise<void> | undefined;
  private activationError: string | undefined;
  private justActivated = false;
  /** The plan as the server answered the activation; wins over the loaded one until the source changes. */
  private activated: { source: UsageDataSource; plan: PlanView } | undefined;

  private readonly planTask: Task<readonly [UsageDataSource | undefined], PlanView>;

  constructor(private readonly host: ConfigureHost) {
    host.addController(this);
    this.planTask = new Task(host, {
      task: async ([source], { signal }) => (source ? validateVoicePlan(await source.getVoicePlan({ signal })) : initialState),
      args: () => [host.resolvedDataSource] as const,
    });
  }

  hostConnected(): void {
    document.addEventListener('pointerdown', this.onOutsidePointer, true);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.onOutsidePointer, true);
  }

  /** The plan in force: the activation's answer, else what `voice/plan` said. */
  get plan(): PlanView | undefined {
    const source = this.host.resolvedDataSource;
    if (this.activated && this.activated.source === source) return this.activated.plan;
    return this.planTask.status === TaskStatus.COMPLETE ? this.planTask.value : undefined;
  }

  private get root(): ShadowRoot | HTMLElement {
    return this.host.renderRoot as ShadowRoot;
  }

  private q<T extends Element>(selector: string): T | null {
    return this.root.querySelector<T>(selector);
  }

  private readonly onOutsidePointer = (event: PointerEvent) => {
    if (!this.menuOpen) return;
    const path = event.composedPath();
    if (!path.includes(this.q('.configure') as EventTarget)) this.closeMenu(false);
  };

  private items(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('.configure [role="menuitem"]')];
  }

  private async openMenu(focus: 'first' | 'last'): Promise<void> {
    this.menuOpen = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const items = this.items();
    (focus === 'first' ? items[0] : items[items.length - 1])?.focus();
  }

  private closeMenu(returnFocus: boolean): void {
    if (!this.menuOpen) return;
    this.menuOpen = false;
    this.host.requestUpdate();
    if (returnFocus) this.q<HTMLButtonElement>('.configure-button')?.focus();
  }

  private onButtonKeydown(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      void this.openMenu('first');
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      void this.openMenu('last');
    }
  }

  private onMenuKeydown(event: KeyboardEvent): void {
    const items = this.items();
    const index = items.indexOf((this.root as ShadowRoot).activeElement as HTMLElement);
    const move = (i: number) => items[(i + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        move(index + 1);
        break;
      case 'ArrowUp':
        move(index - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(items.length - 1);
        break;
      case 'Escape':
        this.closeMenu(true);
        break;
      case 'Tab':
        this.closeMenu(false);
        return;
      default: {
        // Type-ahead: the next item starting with the typed letter.
        if (event.key.length !== 1 || !/\S/.test(event.key)) return;
        const letter = event.key.toLocaleLowerCase();
        const order = [...items.slice(index + 1), ...items.slice(0, index + 1)];
        order.find((item) => item.textContent?.trim().toLocaleLowerCase().startsWith(letter))?.focus();
        break;
      }
    }
    event.preventDefault();
  }

  /** Opens one of the dialogs (also for hosts: `el.configure.openDialog('plans')`). */
  async openDialog(kind: DialogKind): Promise<void> {
    this.menuOpen = false;
    this.dialog = kind;
    this.activationError = undefined;
    this.justActivated = false;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.q<HTMLDialogElement>('dialog.configure-dialog');
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
  }

  private closeDialog(): void {
    this.q<HTMLDialogElement>('dialog.configure-dialog')?.close();
  }

  /** Runs once the dialog has closed and focus is back on the menu button. */
  private afterClose: (() => void) | undefined;

  private onDialogClose(): void {
    this.dialog = undefined;
    this.host.requestUpdate();
    this.q<HTMLButtonElement>('.configure-button')?.focus();
    const next = this.afterClose;
    this.afterClose = undefined;
    next?.();
  }

  /**
   * Activates the trial: at most one request at a time per data source, whatever is clicked or
   * pressed meanwhile (the guard is set before anything else runs). A listener may cancel
   * `ai-trial-activate-request` to handle activation itself; then nothing is sent.
   */
  activateTrial(): Promise<void> {
    const source = this.host.resolvedDataSource;
    if (!source) return Promise.resolve();
    const running = this.activation ?? inFlight.get(source);
    if (running) return running;
    let settle!: () => void;
    const activation = new Promise<void>((resolve) => (settle = resolve));
    this.activation = activation;
    inFlight.set(source, activation);
    const finish = () => {
      if (this.activation === activation) this.activation = undefined;
      if (inFlight.get(source) === activation) inFlight.delete(source);
      settle();
      this.host.requestUpdate();
    };
    if (!dispatch<TrialActivateRequestDetail>(this.host, 'ai-trial-activate-request', {}, true)) {
      finish();
      this.closeDialog();
      return activation;
    }
    this.activationError = undefined;
    this.host.requestUpdate();
    // Promise.resolve().then(): a source that throws synchronously still ends in the catch below.
    Promise.resolve()
      .then(() => source.activateVoiceTrial({}))
      .then((answer) => {
        const plan = validateVoicePlan(answer, 'voice/trial');
        if (plan.trial.status !== 'active') {
          throw new UsageDataError('contract', 'voice/trial', `The server did not confirm the trial: it says the trial is ${plan.trial.status}.`);
        }
        this.activated = { source, plan };
        this.justActivated = true;
        dispatch<TrialActivatedDetail>(this.host, 'ai-trial-activated', { trial: { status: 'active', endsAt: plan.trial.endsAt } });
      })
      .catch((error: unknown) => {
        this.activationError = errorMessage(error);
      })
      .finally(() => {
        finish();
        // The button the user pressed is replaced: put focus on the dialog's main action again.
        void this.host.updateComplete.then(() => {
          const dialog = this.q<HTMLDialogElement>('dialog.configure-dialog');
          if (dialog?.open) dialog.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
        });
      });
    return activation;
  }

  private daysLeft(endsAt: string | undefined): number | undefined {
    return endsAt ? daysUntil(endsAt, this.host.now, this.host.usageContext.timeZone) : undefined;
  }

  private date(iso: string | undefined): string {
    return formatDate(iso, this.host.effectiveLocale, this.host.usageContext.timeZone);
  }

  private trialLine(plan: PlanView | undefined): string {
    if (!plan) return this.planTask.status === TaskStatus.ERROR ? 'Trial (couldn’t load)' : 'Trial…';
    const { status, endsAt } = plan.trial;
    if (status === 'available') return 'Activate trial…';
    if (status === 'active') {
      const left = this.daysLeft(endsAt);
      if (left !== undefined && left < 0) return `Trial ended ${this.date(endsAt)}`;
      return endsAt ? `Trial active · ends ${this.date(endsAt)}${left !== undefined ? ` (${daysText(left)} left)` : ''}` : 'Trial active';
    }
    if (status === 'expired') return endsAt ? `Trial ended ${this.date(endsAt)}` : 'Trial ended';
    return 'Trial not available';
  }

  /** The warning above the table while an active trial ends within `trialWarningDays`. */
  renderWarning(): TemplateResult | typeof nothing {
    const plan = this.plan;
    if (plan?.trial.status !== 'active' || !plan.trial.endsAt) return nothing;
    const left = this.daysLeft(plan.trial.endsAt);
    const warnDays = Number.isFinite(this.host.trialWarningDays) ? this.host.trialWarningDays : 7;
    if (left === undefined || left < 0 || left > warnDays) return nothing;
    const when = left === 0 ? 'today' : left === 1 ? 'tomorrow' : `in ${left} days`;
    return html`<div class="trial-warning" part="trial-warning">
      <svg class="notice-icon" viewBox="0 0 16 16" aria-hidden="true"><path d="M8 1.5 15 14H1z M7.25 6h1.5v4h-1.5z M7.25 11h1.5v1.5h-1.5z" fill-rule="evenodd"></path></svg>
      <p>Your AI Voice trial ends ${when} (${this.date(plan.trial.endsAt)}). After that, calls are billed on your pricing plan.</p>
      <button type="button" class="link" @click=${() => void this.openDialog('plans')}>See pricing plans</button>
    </div>`;
  }

  /** The menu button and its menu, for the toolbar. */
  renderButton(): TemplateResult {
    const plan = this.plan;
    return html`<div class="configure">
      <button
        type="button"
        class="action configure-button"
        part="configure-button"
        id="configure-button"
        aria-haspopup="menu"
        aria-expanded=${this.menuOpen ? 'true' : 'false'}
        aria-controls="configure-menu"
        @click=${() => (this.menuOpen ? this.closeMenu(false) : void this.openMenu('first'))}
        @keydown=${(e: KeyboardEvent) => this.onButtonKeydown(e)}
      >
        Configure AI Voice
        <svg class="chevron" viewBox="0 0 16 16" aria-hidden="true"><path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.6"></path></svg>
      </button>
      <div
        class="menu"
        part="configure-menu"
        id="configure-menu"
        role="menu"
        aria-labelledby="configure-button"
        ?hidden=${!this.menuOpen}
        @keydown=${(e: KeyboardEvent) => this.onMenuKeydown(e)}
      >
        <button type="button" role="menuitem" tabindex="-1" @click=${() => void this.openDialog('trial')}>${this.trialLine(plan)}</button>
        <button type="button" role="menuitem" tabindex="-1" @click=${() => void this.openDialog('plans')}>Pricing plans…</button>
        <button type="button" role="menuitem" tabindex="-1" @click=${() => void this.openDialog('usage')}>Usage this month…</button>
      </div>
    </div>`;
  }

  private renderPlanState(): TemplateResult | undefined {
    if (this.plan) return undefined;
    if (this.planTask.status === TaskStatus.ERROR) {
      return html`<p class="dialog-error" role="alert">Couldn’t load the plan. ${errorMessage(this.planTask.error)}</p>
        <div class="dialog-actions">
          <button type="button" class="action" @click=${() => void this.planTask.run()}>Retry</button>
          <button type="button" class="action primary" data-initial-focus @click=${() => this.closeDialog()}>Close</button>
        </div>`;
    }
    return html`<p aria-busy="true">Loading the plan…</p>
      <div class="dialog-actions"><button type="button" class="action primary" data-initial-focus @click=${() => this.closeDialog()}>Close</button></div>`;
  }

  private renderTrial(plan: PlanView): TemplateResult {
    const { status, endsAt, days } = plan.trial;
    const close = (label = 'Close') => html`<button type="button" class="action primary" data-initial-focus @click=${() => this.closeDialog()}>${label}</button>`;
    if (this.justActivated && status === 'active') {
      const left = this.daysLeft(endsAt);
      return html`<p role="status">The trial is active${endsAt ? ` until ${this.date(endsAt)}` : ''}${left !== undefined && left >= 0 ? ` (${daysText(left)} left)` : ''}. Your AI voice agents take calls free of charge until then.</p>
        <div class="dialog-actions">${close('Done')}</div>`;
    }
    if (status === 'available') {
      const busy = !!this.activation;
      return html`<p>
          Your AI voice agents start taking calls free of charge${days ? html` for <strong>${days} days</strong>` : ''}, starting now. Trial calls and
          minutes show in the usage tables like any others.
        </p>
        <p>When the trial ends, calls are billed on your pricing plan. You can activate the trial only once.</p>
        ${this.activationError ? html`<p class="dialog-error" role="alert">Couldn’t activate the trial. ${this.activationError}</p>` : nothing}
        <div class="dialog-actions">
          <button type="button" class="action" data-initial-focus @click=${() => this.closeDialog()}>${busy ? 'Close' : 'Cancel'}</button>
          <button
            type="button"
            class="action primary activate"
            aria-disabled=${busy ? 'true' : 'false'}
            aria-busy=${busy ? 'true' : 'false'}
            @keydown=${(e: KeyboardEvent) => {
              // A held key repeats: only a deliberate press confirms.
              if (e.repeat && (e.key === 'Enter' || e.key === ' ')) e.preventDefault();
            }}
            @click=${() => void this.activateTrial()}
          >
            ${busy ? html`<span class="spinner" aria-hidden="true"></span>Activating…` : this.activationError ? 'Try again' : 'Activate trial'}
          </button>
        </div>`;
    }
    const text =
      status === 'active'
        ? `The trial is active${endsAt ? ` until ${this.date(endsAt)}` : ''}${(this.daysLeft(endsAt) ?? -1) >= 0 ? `, ${daysText(this.daysLeft(endsAt) as number)} left` : ''}.`
        : status === 'expired'
          ? `The trial ended${endsAt ? ` on ${this.date(endsAt)}` : ''}. Calls are billed on your pricing plan.`
          : 'A trial is not available for this organization.';
    return html`<p>${text}</p>
      <div class="dialog-actions">
        <button type="button" class="action" @click=${() => void this.openDialog('plans')}>See pricing plans</button>
        ${close()}
      </div>`;
  }

  private renderPlans(plan: PlanView): TemplateResult {
    const locale = this.host.effectiveLocale;
    const price = (p: PlanView['plans'][number]) =>
      isFiniteNumber(p.pricePerMinute) && p.currency
        ? numberFormat(locale, { style: 'currency', currency: p.currency, minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(p.pricePerMinute)
        : notAvailable;
    if (plan.plans.length === 0) return html`<p>No pricing plans are offered.</p><div class="dialog-actions"><button type="button" class="action primary" data-initial-focus @click=${() => this.closeDialog()}>Close</button></div>`;
    return html`<table class="plans" part="plans-table">
        <caption class="visually-hidden">Pricing plans</caption>
        <thead>
          <tr><th scope="col">Plan</th><th scope="col" class="numeric">Price per minute</th><th scope="col" class="numeric">Included minutes</th></tr>
        </thead>
        <tbody>
          ${plan.plans.map((p) => {
            const current = p.id !== undefined && p.id === plan.currentPlanId;
            return html`<tr class=${current ? 'current' : ''}>
              <th scope="row">${p.name ?? notAvailable}${current ? html` <span class="current-badge">Current plan</span>` : nothing}</th>
              <td class="numeric">${price(p)}</td>
              <td class="numeric">${isFiniteNumber(p.includedMinutes) ? formatAmount(p.includedMinutes, locale) : notAvailable}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${plan.currentPlanId === null ? html`<p class="muted">No plan is active${plan.trial.status === 'active' ? ' during the trial' : ''}.</p>` : nothing}
      <div class="dialog-actions"><button type="button" class="action primary" data-initial-focus @click=${() => this.closeDialog()}>Close</button></div>`;
  }

  private renderUsage(plan: PlanView): TemplateResult {
    const locale = this.host.effectiveLocale;
    const { month, timeZone, billableMinutes } = this.host.usageContext;
    const current = plan.plans.find((p) => p.id !== undefined && p.id === plan.currentPlanId);
    const close = html`<div class="dialog-actions">
      <button
        type="button"
        class="action"
        @click=${() => {
          this.afterClose = () => dispatch(this.host, 'ai-show-history', {});
          this.closeDialog();
        }}
      >
        See month-by-month history
      </button>
      <button type="button" class="action primary" data-initial-focus @click=${() => this.closeDialog()}>Close</button>
    </div>`;
    if (billableMinutes === undefined || !month) return html`<p>This month’s billable minutes are not available yet.</p>${close}`;
    const p = projectUsage(billableMinutes, current?.includedMinutes, month, this.host.now, timeZone);
    const n = (v: number) => formatAmount(v, locale, 0);
    const percent = p.share === undefined ? undefined : numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(p.share);
    const allowance = p.included !== undefined && p.included > 0 ? p.included : undefined;
    const over = allowance !== undefined && p.used > allowance ? p.used - allowance : 0;
    const projectedOver = allowance !== undefined && p.projected > allowance;
    return html`<p class="usage-figure"><strong>${n(p.used)}</strong> billable minutes in ${formatMonth(month, locale)}${
        allowance !== undefined ? html` of <strong>${n(allowance)}</strong> included in ${current?.name ?? 'your plan'}` : ''
      }.</p>
      ${allowance !== undefined
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
              <span class="fill" style="inline-size: ${Math.min(100, (p.share ?? 0) * 100)}%"></span>
            </div>
            <p class="meter-legend"><span>${percent} used</span><span>${over ? html`<strong>${n(over)} minutes over the allowance</strong>` : `${n(allowance - p.used)} minutes left`}</span></p>`
        : html`<p class="muted">${plan.trial.status === 'active' ? 'During the trial no allowance applies.' : 'No plan with an allowance is active.'}</p>`}
      <p>
        At this month’s pace (${p.elapsedDays} of ${p.monthDays} days), you will reach about <strong>${n(p.projected)}</strong> billable minutes by the
        end of ${formatMonth(month, locale)}${projectedOver ? html`, <strong>over</strong> the allowance` : ''}.
      </p>
      ${close}`;
  }

  /** The one dialog element; its content follows the open kind. */
  renderDialog(): TemplateResult {
    const plan = this.plan;
    const titles: Record<DialogKind, string> = { trial: 'AI Voice trial', plans: 'Pricing plans', usage: 'Usage this month' };
    const kind = this.dialog;
    const body = !kind ? nothing : (this.renderPlanState() ?? (kind === 'trial' ? this.renderTrial(plan!) : kind === 'plans' ? this.renderPlans(plan!) : this.renderUsage(plan!)));
    return html`<dialog
      class="configure-dialog"
      part="dialog"
      aria-labelledby="configure-dialog-title"
      @close=${() => this.onDialogClose()}
    >
      <h2 id="configure-dialog-title">${kind ? titles[kind] : ''}</h2>
      ${kind && plan ? problemNotice(plan.problems, plan.plans.filter((p) => p.hasProblem).length, 'plan') : nothing} ${body}
    </dialog>`;
  }
}
