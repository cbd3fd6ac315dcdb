import { warnDefinedLate } from '../../core/defined-late.js';
import { Localized } from '../../i18n/localized.js';
import { html, isServer, LitElement, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { LoadController } from '../../core/load-controller.js';
import { emit } from '../../events.js';
import { activateTrial, runningActivation } from '../../sources/activation.js';
import type { UsageDataSource } from '../../sources/data-source.js';
import { requestTimeout } from '../../sources/timeout.js';
import { baseStyles } from '../../styles/base.styles.js';
import { problemNotice } from '../../ui/cells.js';
import { MenuButtonController } from '../../ui/menu-button.js';
import { errorMessage, stateStyles } from '../../ui/state-panel.js';
import { validateVoicePlan, type PlanView } from '../../validate/plan.js';
import { TrialActivationState } from './voice-configure.activation.js';
import { voiceConfigureStyles } from './voice-configure.styles.js';
import { plansBody, trialBody, usageBody } from './voice-configure.dialogs.js';
import {
  dialogTitle,
  menuButton,
  missedMessage,
  missedNotice,
  planState,
  plansMenuItem,
  trialLine,
  unknownOutcome,
  usageMenuItem,
  type ConfigureContext,
  type DialogKind,
} from './voice-configure.templates.js';

/**
 * "Configure AI Voice": a WAI-ARIA menu button with the trial, pricing plans and usage, each in a
 * native `<dialog>`. `<ai-voice-usage>` places it in its toolbar and feeds it; a host can also place
 * it alone and give it `.dataSource` (it takes no `endpoint`). It is the only place the elements
 * change something on the backend (`POST voice/trial`), so activation is exact: one request at a time
 * per backend (elements that share a data-source object or the same resolved `endpoint` share one
 * activation), cancelable by the host, never claiming success without the server's answer, and
 * every send of one confirmed activation carries the same `Idempotency-Key`. After a timeout, a
 * network error or an unreadable answer, the outcome is unknown: it says so and re-reads
 * `voice/plan` before it offers activation again ("Check again" when even that fails). Escape does
 * not close the trial dialog while the activation is on its way; if the dialog was closed meanwhile
 * (its Close button), a failure or an unknown outcome shows under the menu button, announced.
 *
 * @summary The "Configure AI Voice" menu: trial activation, pricing plans, usage this month.
 * @tag ai-voice-configure
 *
 * @fires ai-trial-activate-request - The user confirmed trial activation. Cancel it to handle activation yourself (nothing is sent).
 * @fires ai-trial-activated - The server confirmed the trial as active. `detail: { trial: { status, endsAt } }`.
 * @fires ai-show-history - The user asked for the month-by-month history (from the usage dialog).
 * @fires ai-session-expired - Activating the trial was refused with 401: the session has expired. `detail: { operation }`.
 *
 * @csspart configure-button - The menu button.
 * @csspart configure-menu - Its menu.
 * @csspart dialog - The trial, pricing plans and usage dialog.
 * @csspart plans-table - The pricing plans table.
 * @csspart usage-meter - The usage meter (role=meter).
 *
 * @cssprop [--ai-usage-font-family=inherit] - Font family.
 * @cssprop [--ai-usage-font-size=0.875rem] - Base font size.
 * @cssprop [--ai-usage-color-text] - Text colour.
 * @cssprop [--ai-usage-color-text-muted] - Secondary text: the plans table's header, the meter's legend.
 * @cssprop [--ai-usage-color-background] - Background of the menu, the dialog and the buttons.
 * @cssprop [--ai-usage-color-border] - The dialog's outline, the plans table's rules, the meter's track.
 * @cssprop [--ai-usage-color-border-strong] - The menu's outline.
 * @cssprop [--ai-usage-color-control-border] - Border of the buttons.
 * @cssprop [--ai-usage-color-accent] - The main button, the meter's fill, focus ring.
 * @cssprop [--ai-usage-color-success] - The "current plan" badge.
 * @cssprop [--ai-usage-color-danger] - Activation errors; the meter when over the allowance.
 * @cssprop [--ai-usage-color-row-hover] - The menu item under the pointer or focus.
 * @cssprop [--ai-usage-radius=8px] - Corner radius.
 * @cssprop [--ai-usage-space=4px] - Spacing unit.
 * @cssprop [--ai-usage-focus-ring=2px solid accent] - Keyboard focus outline.
 */
export class AiVoiceConfigure extends Localized(LitElement) {
  static override styles = [baseStyles, stateStyles, voiceConfigureStyles];

  static override properties: PropertyDeclarations = {
    dataSource: { attribute: false },
    locale: {},
    timeZone: { attribute: 'time-zone' },
    requestTimeout: { attribute: 'request-timeout', type: Number },
    month: {},
    billableMinutes: { attribute: false },
    referenceDate: { attribute: false },
    onTrialChange: { attribute: false },
    // `attribute: false` is lit's default for state; the manifest analyzer needs it said.
    dialogKind: { state: true, attribute: false },
  };

  /** The data source to read the plan from and activate the trial on. */
  declare dataSource: UsageDataSource | undefined;

  /** BCP 47 locale for words, numbers and dates. Default: the nearest `lang` attribute (followed as it changes), then the browser's. */
  declare locale: string | undefined;

  /** The organization's IANA time zone, for dates and the month's days. */
  declare timeZone: string | undefined;

  /** Time limit for each request, in milliseconds (default 30000). */
  declare requestTimeout: number | undefined;

  /** The organization's current month, `YYYY-MM`, for the usage dialog. */
  declare month: string | undefined;

  /** This month's billable minutes, for the usage dialog; unset when not known. */
  declare billableMinutes: number | undefined;

  /** The moment "days left" and the projection count from. Default: now. */
  declare referenceDate: Date | undefined;

  /** Called after the trial shown changes (status or end), e.g. to redraw a warning drawn from `plan`. */
  declare onTrialChange: (() => void) | undefined;

  declare private dialogKind: DialogKind | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!isServer) warnDefinedLate(this);
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  get #button(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('.configure-button');
  }

  readonly #menu = new MenuButtonController(this, {
    button: () => this.#button,
    items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')],
  });

  readonly #planLoader = new LoadController<PlanView>(this, {
    operation: 'voice/plan',
    load: async (source, signal) => validateVoicePlan(await source.getVoicePlan({ signal }), 'voice/plan', this.referenceDate ?? new Date()),
    reports: false,
  });

  readonly #activation = new TrialActivationState(this);
  /** Runs once the dialog has closed and focus is back on the menu button. */
  #afterClose: (() => void) | undefined;

  /** The data source in use: `dataSource`. */
  get resolvedDataSource(): UsageDataSource | undefined {
    return this.dataSource;
  }

  /** The time limit in force for each request, in milliseconds. */
  get effectiveRequestTimeout(): number {
    return requestTimeout(this.requestTimeout);
  }

  /** The plan in force: a successful activation's answer, a re-read, else what `voice/plan` said. */
  get plan(): PlanView | undefined {
    return this.#activation.plan(this.#planLoader.value);
  }

  #trialShown = '';

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The warning above the table (drawn by the host, from `plan`) follows the trial.
    const trial = this.plan?.trial;
    const shown = trial ? `${trial.status}|${trial.endsAt}` : '';
    if (shown !== this.#trialShown) {
      this.#trialShown = shown;
      this.onTrialChange?.();
    }
  }

  /** Opens one of the dialogs: `trial`, `plans` or `usage`. */
  async openDialog(kind: DialogKind): Promise<void> {
    this.#menu.hide(false);
    this.dialogKind = kind;
    // A failure the user has not seen in the dialog yet stays in it; the notice under the button goes.
    this.#activation.opened(kind);
    await this.updateComplete;
    if (this.#dialog && !this.#dialog.open) this.#dialog.showModal();
    this.#dialog?.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
  }

  #closeDialog(): void {
    this.#dialog?.close();
  }

  #onDialogClose(): void {
    this.dialogKind = undefined;
    this.#button?.focus();
    const next = this.#afterClose;
    this.#afterClose = undefined;
    next?.();
  }

  /**
   * Activates the trial: at most one request at a time per backend, whatever is clicked or pressed
   * meanwhile. A listener may cancel `ai-trial-activate-request`; then nothing is sent.
   */
  async activateTrial(): Promise<void> {
    const source = this.dataSource;
    if (!source) return;
    const running = runningActivation(source);
    if (running) {
      await running;
      return;
    }
    if (!emit(this, 'ai-trial-activate-request', {}, { cancelable: true })) {
      this.#closeDialog();
      return;
    }
    this.#activation.started();
    const outcome = await activateTrial(source, this.effectiveRequestTimeout);
    this.#activation.settle(source, outcome, this.dialogKind === 'trial' && !!this.#dialog?.open);
    await this.updateComplete;
    // The button the user pressed is replaced: put focus on the dialog's main action again.
    if (this.#dialog?.open) this.#dialog.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
  }

  /** Escape (the dialog's `cancel`) does not close the trial dialog while the activation is on its way: it waits for the answer. */
  #onDialogCancel(event: Event): void {
    if (this.dialogKind === 'trial' && this.#activation.busy) event.preventDefault();
  }

  #onDialogKeydown(event: KeyboardEvent): void {
    // Chromium may not let a page cancel a second `cancel` in a row: hold Escape at the key, too.
    if (event.key === 'Escape') this.#onDialogCancel(event);
  }

  async #recheck(): Promise<void> {
    this.#activation.forgetReread();
    await this.#planLoader.run();
    if (this.#planLoader.value) this.#activation.rechecked();
  }

  /** What the templates read: called while rendering, so the words are in the element's language. */
  #context(): ConfigureContext {
    const activation = this.#activation;
    return {
      locale: this.effectiveLocale,
      timeZone: this.timeZone,
      now: this.referenceDate ?? new Date(),
      month: this.month,
      billableMinutes: this.billableMinutes,
      busy: activation.busy,
      activationError: activation.failed && errorMessage(activation.failed.error),
      unknown: activation.unknown && unknownOutcome(errorMessage(activation.unknown.error), activation.unknown.planReread),
      justActivated: activation.justActivated,
      close: () => this.#closeDialog(),
      openDialog: (kind) => void this.openDialog(kind),
      activate: () => void this.activateTrial(),
      recheck: () => void this.#recheck(),
      showHistory: () => {
        this.#afterClose = () => emit(this, 'ai-show-history', {});
        this.#closeDialog();
      },
    };
  }

  protected override render() {
    const ctx = this.#context();
    const plan = this.plan;
    const kind = this.dialogKind;
    const failed = this.#planLoader.error !== undefined;
    const body = !kind
      ? nothing
      : !plan
        ? planState(ctx, failed ? errorMessage(this.#planLoader.error) : undefined, () => void this.#planLoader.run())
        : kind === 'trial'
          ? trialBody(ctx, plan)
          : kind === 'plans'
            ? plansBody(ctx, plan)
            : usageBody(ctx, plan);
    const missed = this.#activation.missed;
    return html`${menuButton(this.#menu.open, [trialLine(ctx, plan, failed, missed !== undefined), plansMenuItem(), usageMenuItem()], {
        toggle: () => this.#menu.toggle(),
        keydownButton: (e) => this.#menu.onButtonKeydown(e),
        keydownMenu: (e) => this.#menu.onMenuKeydown(e),
        choose: (k) => void this.openDialog(k),
      })}
      ${missed ? missedNotice(missedMessage(missed), () => void this.openDialog('trial')) : nothing}
      <dialog
        class="configure-dialog"
        part="dialog"
        aria-labelledby="dialog-title"
        @close=${() => this.#onDialogClose()}
        @cancel=${(e: Event) => this.#onDialogCancel(e)}
        @keydown=${(e: KeyboardEvent) => this.#onDialogKeydown(e)}
      >
        <h2 id="dialog-title">${kind ? dialogTitle(kind) : ''}</h2>
        ${kind && plan ? problemNotice(plan.problems, plan.plans.filter((p) => p.hasProblem).length, 'plan') : nothing} ${body}
      </dialog>`;
  }
}
