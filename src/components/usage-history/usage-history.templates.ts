/** Pure templates of the history: the period and agent pickers, and the toggle buttons. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { HistoryPeriod } from '../../model/history-range.js';
import type { HistoryMetric } from '../../validate/history.js';
import type { VoiceAgentRow } from '../../validate/voice-agents.js';

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
            Couldn’t load the agents (${agentsError}): the agent picker is empty and times show in this browser’s time zone.
            <button type="button" class="link" @click=${retryAgents}>Retry</button>
          </p>`
        : nothing
    }
    <div class="controls" part="controls">
      <label>
        <span>Period</span>
        <select
          .value=${live(custom ? 'custom' : period === 'last-6' ? 'last-6' : 'last-12')}
          @change=${(e: Event) => (value(e) === 'custom' ? set({ from, to }) : set({ from: undefined, to: undefined, period: value(e) as HistoryPeriod }))}
        >
          <option value="last-6" ?selected=${!custom && period === 'last-6'}>Last 6 months</option>
          <option value="last-12" ?selected=${!custom && period !== 'last-6'}>Last 12 months</option>
          <option value="custom" ?selected=${custom}>Custom…</option>
        </select>
      </label>
      ${
        custom
          ? html`<label><span>From</span><input type="month" .value=${from} max=${to} @change=${(e: Event) => set({ from: value(e) || from })} /></label>
              <label><span>To</span><input type="month" .value=${to} min=${from} @change=${(e: Event) => set({ to: value(e) || to })} /></label>`
          : nothing
      }
      <label>
        <span>Agent</span>
        <select .value=${live(agentId ?? '')} @change=${(e: Event) => set({ agentId: value(e) || undefined })}>
          <option value="" ?selected=${!agentId}>All agents</option>
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
    ['billableMinutes', 'Billable minutes'],
    ['callsEngaged', 'Calls engaged'],
    ['nonBillableCalls', 'Non-billable calls'],
  ];
  const views: ['chart' | 'table', string][] = [
    ['chart', 'Chart'],
    ['table', 'Table'],
  ];
  return html`<div class="view-bar">${view === 'chart' ? toggle('Figure', metric, figures, setMetric) : html`<span></span>`} ${toggle('Show as', view, views, setView)}</div>`;
}
