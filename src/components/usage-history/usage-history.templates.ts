/** Pure templates of the history: the period and agent pickers, and the toggle buttons. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '../../i18n/localize.js';
import type { HistoryPeriod } from '../../model/history-range.js';
import type { HistoryMetric } from '../../validate/history.js';
import type { VoiceAgentRow } from '../../validate/voice-agents.js';
import { metricLabel } from './history-chart.js';

export interface ControlsInput {
  agents: readonly VoiceAgentRow[];
  /** Why the agents could not be loaded, when they could not. */
  agentsError: string | undefined;
  retryAgents: () => void;
  period: HistoryPeriod;
  /** A custom `from`..`to` period is set. */
  custom: boolean;
  range: { from: string; to: string };
  agentId: string | undefined;
  /** Applies the user's choice to the element. */
  set: (changes: { period?: HistoryPeriod; from?: string | undefined; to?: string | undefined; agentId?: string | undefined }) => void;
}

export function historyControls({ agents, agentsError, retryAgents, period, custom, range, agentId, set }: ControlsInput): TemplateResult {
  const { from, to } = range;
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
  return html`${
      agentsError !== undefined
        ? html`<p class="agents-error" part="agents-error" role="alert">
            ${msg(str`Couldn’t load the agents (${agentsError}): the agent picker is empty and times show in this browser’s time zone.`, {
              desc: 'Notice above the history; the placeholder is the reason the agents could not be loaded.',
            })}
            <button type="button" class="link" @click=${retryAgents}>${msg('Retry')}</button>
          </p>`
        : nothing
    }
    <div class="controls" part="controls">
      <label>
        <span>${msg('Period', { desc: 'Label of the picker of the months shown (last 6 or 12 months, or custom).' })}</span>
        <select
          .value=${live(custom ? 'custom' : period === 'last-6' ? 'last-6' : 'last-12')}
          @change=${(e: Event) => (value(e) === 'custom' ? set({ from, to }) : set({ from: undefined, to: undefined, period: value(e) as HistoryPeriod }))}
        >
          <option value="last-6" ?selected=${!custom && period === 'last-6'}>${msg('Last 6 months')}</option>
          <option value="last-12" ?selected=${!custom && period !== 'last-6'}>${msg('Last 12 months')}</option>
          <option value="custom" ?selected=${custom}>${msg('Custom…', { desc: 'Period picker option: choose the first and last month yourself.' })}</option>
        </select>
      </label>
      ${
        custom
          ? html`<label
                ><span>${msg('From', { desc: 'Label of the first month of a custom period.' })}</span
                ><input type="month" .value=${from} max=${to} @change=${(e: Event) => set({ from: value(e) || from })}
              /></label>
              <label
                ><span>${msg('To', { desc: 'Label of the last month of a custom period.' })}</span
                ><input type="month" .value=${to} min=${from} @change=${(e: Event) => set({ to: value(e) || to })}
              /></label>`
          : nothing
      }
      <label>
        <span>${msg('Agent', { desc: 'Label of the picker of one AI agent (or all agents).' })}</span>
        <select .value=${live(agentId ?? '')} @change=${(e: Event) => set({ agentId: value(e) || undefined })}>
          <option value="" ?selected=${!agentId}>${msg('All agents')}</option>
          ${agents.filter((a) => a.id).map((a) => html`<option value=${a.id ?? ''} ?selected=${a.id === agentId}>${a.name ?? a.id}</option>`)}
          ${agentId && !agents.some((a) => a.id === agentId) ? html`<option value=${agentId} selected>${agentId}</option>` : nothing}
        </select>
      </label>
    </div>`;
}

/** A group of pressed/unpressed buttons choosing one value. */
function toggle<T extends string>(label: string, value: T, options: [T, string][], set: (v: T) => void): TemplateResult {
  return html`<div class="toggle" role="group" aria-label=${label}>
    ${options.map(([v, text]) => html`<button type="button" aria-pressed=${v === value ? 'true' : 'false'} @click=${() => set(v)}>${text}</button>`)}
  </div>`;
}

export interface ViewBarInput {
  view: 'chart' | 'table';
  metric: HistoryMetric;
  setView: (view: 'chart' | 'table') => void;
  setMetric: (metric: HistoryMetric) => void;
}

/** Above the months: what the chart draws (chart only), and chart or table. */
export function viewBar({ view, metric, setView, setMetric }: ViewBarInput): TemplateResult {
  const figures: [HistoryMetric, string][] = [
    ['billableMinutes', metricLabel('billableMinutes')],
    ['callsEngaged', metricLabel('callsEngaged')],
    ['nonBillableCalls', msg('Non-billable calls', { desc: 'Button: the chart draws the calls shorter than 15 seconds, which are not billed.' })],
  ];
  const views: ['chart' | 'table', string][] = [
    ['chart', msg('Chart', { desc: 'Button: show the monthly figures as a bar chart.' })],
    ['table', msg('Table', { desc: 'Button: show the monthly figures as a table.' })],
  ];
  const figure = msg('Figure', { desc: 'Name of the button group choosing what the chart draws (billable minutes, calls engaged, …).' });
  const showAs = msg('Show as', { desc: 'Name of the button group choosing chart or table.' });
  return html`<div class="view-bar">${view === 'chart' ? toggle(figure, metric, figures, setMetric) : html`<span></span>`} ${toggle(showAs, view, views, setView)}</div>`;
}
