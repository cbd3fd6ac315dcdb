/**
 * lit with @lit-labs/virtualizer: a header row of sort buttons over a virtualized list of rows
 * (ARIA table roles, CSS grid), sorted on click (ascending, then descending).
 */
import { css, html, LitElement, nothing } from 'lit';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { VoiceAgent } from '../../src/data.js';
import { COLUMNS, dataOf, sortAgents, type Column, type ContestantModule } from '../shared.js';

class BenchLitTable extends LitElement {
  static override properties = { rows: { attribute: false }, sorted: { attribute: false } };
  static override styles = css`
    :host {
      display: block;
      font:
        14px/1.4 system-ui,
        sans-serif;
    }
    .row {
      display: grid;
      grid-template-columns: 2fr 2fr 1fr repeat(6, 1fr);
      align-items: center;
      min-height: 44px;
      border-bottom: 1px solid #ddd;
      width: 100%;
    }
    .body {
      height: 580px;
    }
    .num {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    button {
      font: inherit;
      background: none;
      border: 0;
      text-align: inherit;
      cursor: pointer;
    }
  `;

  rows: readonly VoiceAgent[] = [];
  sorted: { column: Column; direction: 'asc' | 'desc' } | undefined;

  private sortBy(column: Column): void {
    const direction = this.sorted?.column === column && this.sorted.direction === 'asc' ? 'desc' : 'asc';
    this.sorted = { column, direction };
    this.rows = sortAgents(this.rows, column, direction);
  }

  override render() {
    const sorted = this.sorted;
    return html`<div role="table" aria-label="AI voice agents" aria-rowcount=${this.rows.length + 1}>
      <div role="rowgroup">
        <div role="row" class="row">
          ${COLUMNS.map(
            (c) =>
              html`<div role="columnheader" class=${c.numeric ? 'num' : ''} aria-sort=${sorted?.column === c ? (sorted.direction === 'asc' ? 'ascending' : 'descending') : nothing}>
                <button type="button" @click=${() => this.sortBy(c)}>${c.label}</button>
              </div>`,
          )}
        </div>
      </div>
      <div role="rowgroup" class="body">
        ${virtualize({
          items: this.rows as VoiceAgent[],
          scroller: true,
          keyFunction: (a) => a.id,
          renderItem: (a) =>
            html`<div role="row" class="row">
              ${COLUMNS.map((c) => html`<div role=${c.path === 'name' ? 'rowheader' : 'cell'} class=${c.numeric ? 'num' : ''}>${c.text(a)}</div>`)}
            </div>`,
        })}
      </div>
    </div>`;
  }
}
customElements.define('bench-lit-table', BenchLitTable);

export const contestant: ContestantModule = {
  show(host, input) {
    const table = new BenchLitTable();
    table.rows = dataOf(input).answer.agents;
    host.append(table);
  },
};
