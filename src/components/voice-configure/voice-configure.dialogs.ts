/** The bodies of the "Configure AI Voice" dialogs: the trial, the pricing plans and this month's usage. */
import { html, nothing, type TemplateResult } from 'lit';
import { formatAmount, formatCurrency, formatDate, formatMonth, formatPercent, isBlankText, isFiniteNumber } from '../../format/format.js';
import { daysUntil } from '../../format/license.js';
import { msg, plural, str } from '../../i18n/localize.js';
import { projectUsage, type PlanView } from '../../validate/plan.js';
import { inlineSize, notAvailable, unnamed } from '../../ui/cells.js';

import { actions, failure, primary, secondary, type ConfigureContext } from './voice-configure.templates.js';

export function trialBody(ctx: ConfigureContext, plan: PlanView): TemplateResult {
  const { status, endsAt, days } = plan.trial;
  const left = endsAt ? daysUntil(endsAt, ctx.now, ctx.timeZone) : undefined;
  const date = endsAt ? formatDate(endsAt, ctx.locale, ctx.timeZone) : undefined;
  const daysLeft = left !== undefined && left >= 0 ? left : undefined;
  if (ctx.justActivated && status === 'active') {
    const text =
      date === undefined
        ? msg('The trial is active. Your AI voice agents take calls free of charge while it lasts.')
        : daysLeft === undefined
          ? msg(str`The trial is active until ${date}. Your AI voice agents take calls free of charge until then.`)
          : plural(daysLeft, {
              one: () => msg(str`The trial is active until ${date} (${daysLeft} day left). Your AI voice agents take calls free of charge until then.`),
              other: () => msg(str`The trial is active until ${date} (${daysLeft} days left). Your AI voice agents take calls free of charge until then.`),
            });
    return html`<p role="status">${text}</p>
      ${actions(primary(msg('Done', { desc: 'Button: closes the dialog after the trial was activated' }), ctx.close))}`;
  }
  if (status === 'available') {
    const busy = ctx.busy;
    const recheck = !busy && ctx.unknown?.recheck;
    // One line per message: a wrapped line would put its line break into the translators' text.
    // prettier-ignore
    const offer = days
      ? plural(days, {
          one: () => msg(html`Your AI voice agents start taking calls free of charge for <strong>${days} day</strong>, starting now. Trial calls and minutes show in the usage tables like any others.`),
          other: () => msg(html`Your AI voice agents start taking calls free of charge for <strong>${days} days</strong>, starting now. Trial calls and minutes show in the usage tables like any others.`),
        })
      : msg('Your AI voice agents start taking calls free of charge, starting now. Trial calls and minutes show in the usage tables like any others.');
    const activationError = ctx.activationError;
    return html`<p>${offer}</p>
      <p>${msg('When the trial ends, calls are billed on your pricing plan. You can activate the trial only once.')}</p>
      ${activationError ? failure(msg(str`Couldn’t activate the trial. ${activationError}`)) : nothing} ${ctx.unknown ? failure(ctx.unknown.message) : nothing}
      <div class="dialog-actions">
        <button type="button" class="action" data-initial-focus @click=${ctx.close}>${busy ? msg('Close') : msg('Cancel')}</button>
        ${
          recheck
            ? html`<button type="button" class="action primary" @click=${ctx.recheck}>
                ${msg('Check again', { desc: 'Button: reads the trial’s state from the server again' })}
              </button>`
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
                ${
                  busy
                    ? html`<span class="spinner" aria-hidden="true"></span>${msg('Activating…', { desc: 'Button: the trial is being activated' })}`
                    : activationError || ctx.unknown
                      ? msg('Try again', { desc: 'Button: activate the trial again' })
                      : msg('Activate trial', { desc: 'Button: confirms the trial activation' })
                }
              </button>`
        }
      </div>`;
  }
  const text =
    status === 'active'
      ? date === undefined
        ? msg('The trial is active.')
        : daysLeft === undefined
          ? msg(str`The trial is active until ${date}.`)
          : plural(daysLeft, {
              one: () => msg(str`The trial is active until ${date}, ${daysLeft} day left.`),
              other: () => msg(str`The trial is active until ${date}, ${daysLeft} days left.`),
            })
      : status === 'expired'
        ? date === undefined
          ? msg('The trial ended. Calls are billed on your pricing plan.')
          : msg(str`The trial ended on ${date}. Calls are billed on your pricing plan.`)
        : msg('A trial is not available for this organization.');
  return html`<p>${text}</p>
    ${actions(
      secondary(msg('See pricing plans'), () => ctx.openDialog('plans')),
      primary(msg('Close'), ctx.close),
    )}`;
}

export function plansBody(ctx: ConfigureContext, plan: PlanView): TemplateResult {
  const price = (p: PlanView['plans'][number]) => (isFiniteNumber(p.pricePerMinute) && p.currency ? formatCurrency(p.pricePerMinute, p.currency, ctx.locale) : notAvailable);
  const name = (p: PlanView['plans'][number]) =>
    p.name === undefined ? notAvailable : isBlankText(p.name) ? unnamed : html`<span class="plan-name" dir="auto" title=${p.name}>${p.name}</span>`;
  if (plan.plans.length === 0)
    return html`<p>${msg('No pricing plans are offered.')}</p>
      ${actions(primary(msg('Close'), ctx.close))}`;
  return html`<table class="plans" part="plans-table">
      <caption class="visually-hidden">
        ${msg('Pricing plans')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg('Plan', { desc: 'Column header: the pricing plan’s name' })}</th>
          <th scope="col" class="numeric">${msg('Price per minute', { desc: 'Column header' })}</th>
          <th scope="col" class="numeric">${msg('Included minutes', { desc: 'Column header: minutes included in the plan each month' })}</th>
        </tr>
      </thead>
      <tbody>
        ${plan.plans.map((p) => {
          const current = p.id !== undefined && p.id === plan.currentPlanId;
          return html`<tr class=${current ? 'current' : ''}>
            <th scope="row">
              ${name(p)}${current ? html`${' '}<span class="current-badge">${msg('Current plan', { desc: 'Badge next to the plan the organization is on' })}</span>` : nothing}
            </th>
            <td class="numeric">${price(p)}</td>
            <td class="numeric">${isFiniteNumber(p.includedMinutes) ? formatAmount(p.includedMinutes, ctx.locale) : notAvailable}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${plan.currentPlanId === null ? html`<p class="muted">${plan.trial.status === 'active' ? msg('No plan is active during the trial.') : msg('No plan is active.')}</p>` : nothing}
    ${actions(primary(msg('Close'), ctx.close))}`;
}

export function usageBody(ctx: ConfigureContext, plan: PlanView): TemplateResult {
  const { locale, month, billableMinutes } = ctx;
  const current = plan.plans.find((p) => p.id !== undefined && p.id === plan.currentPlanId);
  const footer = actions(secondary(msg('See month-by-month history'), ctx.showHistory), primary(msg('Close'), ctx.close));
  if (billableMinutes === undefined || !month)
    return html`<p>${msg('This month’s billable minutes are not available yet.')}</p>
      ${footer}`;
  const p = projectUsage(billableMinutes, current?.includedMinutes, month, ctx.now, ctx.timeZone);
  const n = (v: number) => formatAmount(v, locale, 0);
  /** The number a plural form agrees with: the one shown (rounded like `n`). */
  const count = (v: number) => Math.round(v);
  const allowance = p.included !== undefined && p.included > 0 ? p.included : undefined;
  const over = allowance !== undefined && p.used > allowance ? p.used - allowance : 0;
  const projectedOver = allowance !== undefined && p.projected > allowance;
  const used = n(p.used);
  const monthName = formatMonth(month, locale);
  const planName = current?.name;
  const included = allowance !== undefined ? n(allowance) : undefined;
  const figure =
    included === undefined
      ? plural(count(p.used), {
          one: () => msg(html`<strong>${used}</strong> billable minute in ${monthName}.`),
          other: () => msg(html`<strong>${used}</strong> billable minutes in ${monthName}.`),
        })
      : planName === undefined
        ? plural(count(p.used), {
            one: () => msg(html`<strong>${used}</strong> billable minute in ${monthName} of <strong>${included}</strong> included in your plan.`),
            other: () => msg(html`<strong>${used}</strong> billable minutes in ${monthName} of <strong>${included}</strong> included in your plan.`),
          })
        : plural(count(p.used), {
            one: () => msg(html`<strong>${used}</strong> billable minute in ${monthName} of <strong>${included}</strong> included in ${planName}.`),
            other: () => msg(html`<strong>${used}</strong> billable minutes in ${monthName} of <strong>${included}</strong> included in ${planName}.`),
          });
  const elapsedDays = p.elapsedDays;
  const monthDays = p.monthDays;
  const projected = n(p.projected);
  // One line per message: a wrapped line would put its line break into the translators' text.
  // prettier-ignore
  const projection = projectedOver
    ? plural(count(p.projected), {
        one: () => msg(html`At this month’s pace (${elapsedDays} of ${monthDays} days), you will reach about <strong>${projected}</strong> billable minute by the end of ${monthName}, <strong>over</strong> the allowance.`),
        other: () => msg(html`At this month’s pace (${elapsedDays} of ${monthDays} days), you will reach about <strong>${projected}</strong> billable minutes by the end of ${monthName}, <strong>over</strong> the allowance.`),
      })
    : plural(count(p.projected), {
        one: () => msg(html`At this month’s pace (${elapsedDays} of ${monthDays} days), you will reach about <strong>${projected}</strong> billable minute by the end of ${monthName}.`),
        other: () => msg(html`At this month’s pace (${elapsedDays} of ${monthDays} days), you will reach about <strong>${projected}</strong> billable minutes by the end of ${monthName}.`),
      });
  return html`<p class="usage-figure">${figure}</p>
    ${allowance !== undefined ? meter(locale, p.used, allowance, over, p.share) : html`<p class="muted">${plan.trial.status === 'active' ? msg('During the trial no allowance applies.') : msg('No plan with an allowance is active.')}</p>`}
    <p>${projection}</p>
    ${footer}`;
}

/** The usage meter and its legend: `usedMinutes` of `allowance` minutes (`share` of it), `over` it when more. */
function meter(locale: string | undefined, usedMinutes: number, allowance: number, over: number, share: number | undefined): TemplateResult {
  const n = (v: number) => formatAmount(v, locale, 0);
  const count = (v: number) => Math.round(v);
  const percent = share === undefined ? undefined : formatPercent(share, locale);
  const used = n(usedMinutes);
  const included = n(allowance);
  const overText = n(over);
  const left = n(allowance - usedMinutes);
  const valueText = over
    ? plural(count(allowance), {
        one: () =>
          msg(str`${used} of ${included} minute (${percent}), ${overText} over`, {
            desc: 'Usage meter, read by screen readers: minutes used of the included minutes, and how many more than included',
          }),
        other: () =>
          msg(str`${used} of ${included} minutes (${percent}), ${overText} over`, {
            desc: 'Usage meter, read by screen readers: minutes used of the included minutes, and how many more than included',
          }),
      })
    : plural(count(allowance), {
        one: () => msg(str`${used} of ${included} minute (${percent})`, { desc: 'Usage meter, read by screen readers: minutes used of the included minutes' }),
        other: () => msg(str`${used} of ${included} minutes (${percent})`, { desc: 'Usage meter, read by screen readers: minutes used of the included minutes' }),
      });
  const rest = over
    ? html`<strong>${plural(count(over), { one: () => msg(str`${overText} minute over the allowance`), other: () => msg(str`${overText} minutes over the allowance`) })}</strong>`
    : plural(count(allowance - usedMinutes), {
        one: () => msg(str`${left} minute left`, { desc: 'Usage meter legend: included minutes not used yet' }),
        other: () => msg(str`${left} minutes left`, { desc: 'Usage meter legend: included minutes not used yet' }),
      });
  return html`<div
      class="meter ${over ? 'over' : ''}"
      part="usage-meter"
      role="meter"
      aria-label=${msg('Billable minutes used this month')}
      aria-valuemin="0"
      aria-valuemax=${allowance}
      aria-valuenow=${Math.min(usedMinutes, allowance)}
      aria-valuetext=${valueText}
    >
      <span class="fill" ${inlineSize(Math.min(100, (share ?? 0) * 100))}></span>
    </div>
    <p class="meter-legend"><span>${msg(str`${percent} used`, { desc: 'Usage meter legend: the share of the included minutes used' })}</span><span>${rest}</span></p>`;
}
