/**
 * The same job for every contestant: show N AI voice agents as a table (entity, agent, status and
 * six grouped numbers, formatted for the locale), then sort it by billable minutes, descending.
 * Each returns when the rows are in the DOM and laid out.
 */
import { Grid } from 'gridjs';
import { html, render } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { createMemoryDataSource } from '../src/data.js';
import type { VoiceAgent } from '../src/data.js';
import '../src/voice-usage.js';
import type { AiVoiceUsage } from '../src/voice-usage.js';

export interface Contestant {
  name: string;
  /** Renders the rows into `host`; resolves when they are laid out. */
  render(host: HTMLElement, agents: VoiceAgent[]): Promise<void>;
  /** Sorts by billable minutes this month, descending; resolves when laid out. */
  sort(host: HTMLElement): Promise<void>;
}

const nf = new Intl.NumberFormat('en-US');
const NUMBERS = [
  'callsEngagedThisMonth',
  'callsHandledSinceActivation',
  'billableMinutesThisMonth',
  'billableMinutesSinceActivation',
  'nonBillableCallsThisMonth',
  'nonBillableCallsSinceActivation',
] as const;

const layout = (host: HTMLElement) => void host.getBoundingClientRect().height;
/** Resolves as soon as `done()` holds, checked after every DOM mutation under `host`. */
function until(host: HTMLElement, done: () => boolean, timeoutMs = 20_000): Promise<void> {
  if (done()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (done()) {
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      }
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('timed out'));
    }, timeoutMs);
    observer.observe(host, { childList: true, subtree: true, characterData: true });
  });
}

/** Hand-written DOM: the floor. */
export const vanilla: Contestant = (() => {
  let rows: VoiceAgent[] = [];
  let tbody: HTMLTableSectionElement;
  const fill = () => {
    const fragment = document.createDocumentFragment();
    for (const a of rows) {
      const tr = document.createElement('tr');
      for (const text of [a.entity.name, a.name, a.active ? 'Active' : 'Inactive', ...NUMBERS.map((k) => nf.format(a[k]))]) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      fragment.append(tr);
    }
    tbody.replaceChildren(fragment);
  };
  return {
    name: 'vanilla DOM',
    async render(host, agents) {
      rows = agents;
      const table = document.createElement('table');
      table.innerHTML =
        '<thead><tr><th>Entity</th><th>AI agent</th><th>Status</th><th>Engaged</th><th>Handled</th><th>Billable (month)</th><th>Billable (total)</th><th>Non-billable (month)</th><th>Non-billable (total)</th></tr></thead>';
      tbody = table.createTBody();
      fill();
      host.append(table);
      layout(host);
    },
    async sort(host) {
      rows = [...rows].sort((a, b) => b.billableMinutesThisMonth - a.billableMinutesThisMonth);
      fill();
      layout(host);
    },
  };
})();

/** A plain lit-html template: what lit alone costs. */
export const litTemplate: Contestant = (() => {
  let rows: VoiceAgent[] = [];
  const view = (host: HTMLElement) =>
    render(
      html`<table>
        <thead>
          <tr>
            <th>Entity</th>
            <th>AI agent</th>
            <th>Status</th>
            ${NUMBERS.map((k) => html`<th>${k}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${repeat(
            rows,
            (a) => a.id,
            (a) =>
              html`<tr>
                <td>${a.entity.name}</td>
                <td>${a.name}</td>
                <td>${a.active ? 'Active' : 'Inactive'}</td>
                ${NUMBERS.map((k) => html`<td>${nf.format(a[k])}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>`,
      host,
    );
  return {
    name: 'lit-html template',
    async render(host, agents) {
      rows = agents;
      view(host);
      layout(host);
    },
    async sort(host) {
      rows = [...rows].sort((a, b) => b.billableMinutesThisMonth - a.billableMinutesThisMonth);
      view(host);
      layout(host);
    },
  };
})();

/** Grid.js, a popular framework-free table library (peer). */
export const gridjs: Contestant = (() => {
  let count = 0;
  let top = 0;
  const firstCell = (host: HTMLElement) => host.querySelector('tbody tr td:nth-child(6)')?.textContent ?? '';
  return {
    name: 'Grid.js 6',
    async render(host, agents) {
      count = agents.length;
      top = Math.max(...agents.map((a) => a.billableMinutesThisMonth));
      new Grid({
        columns: ['Entity', 'AI agent', 'Status', ...NUMBERS.map((k) => ({ name: k, formatter: (v: number) => nf.format(v) }))],
        data: agents.map((a) => [a.entity.name, a.name, a.active ? 'Active' : 'Inactive', ...NUMBERS.map((k) => a[k])]),
        sort: true,
      }).render(host);
      await until(host, () => host.querySelectorAll('tbody tr').length === count);
      layout(host);
    },
    async sort(host) {
      const header = host.querySelectorAll<HTMLElement>('thead th')[5]!;
      const button = header.querySelector<HTMLElement>('button') ?? header;
      button.click();
      await until(
        host,
        () =>
          firstCell(host) !== '' &&
          firstCell(host) === nf.format(Math.min(...[...host.querySelectorAll('tbody tr td:nth-child(6)')].map((td) => Number(td.textContent?.replace(/,/g, ''))))),
      );
      button.click();
      await until(host, () => firstCell(host) === nf.format(top));
      layout(host);
    },
  };
})();

/** ai-usage-elements: validation, sorting, totals, states, a11y — the whole element. */
export const ours: Contestant = {
  name: '<ai-voice-usage>',
  async render(host, agents) {
    const el = document.createElement('ai-voice-usage') as AiVoiceUsage;
    el.locale = 'en-US';
    el.dataSource = createMemoryDataSource({ voiceAgents: { month: '2026-11', timeZone: 'Europe/Stockholm', agents } });
    const loaded = new Promise((r) => el.addEventListener('ai-load', r, { once: true }));
    host.append(el);
    await loaded;
    layout(host);
  },
  async sort(host) {
    const el = host.querySelector('ai-voice-usage') as AiVoiceUsage;
    el.sort = 'billableMinutesThisMonth:desc';
    await el.updateComplete;
    layout(host);
  },
};

export const contestants = [vanilla, litTemplate, gridjs, ours];
