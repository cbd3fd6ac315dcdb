/**
 * Hand-written DOM, the floor: a `<table>` with every row, a `<button>` in each header cell, sorted
 * in place on click (ascending, then descending) with `aria-sort` on the sorted header.
 */
import type { VoiceAgent } from '../../src/data.js';
import { COLUMNS, dataOf, sortAgents, type Column, type ContestantModule } from '../shared.js';

export const contestant: ContestantModule = {
  show(host, input) {
    let rows: readonly VoiceAgent[] = dataOf(input).answer.agents;
    let sorted: { column: Column; direction: 'asc' | 'desc' } | undefined;
    const table = document.createElement('table');
    const headerRow = table.createTHead().insertRow();
    const tbody = table.createTBody();

    const fill = () => {
      const fragment = document.createDocumentFragment();
      for (const agent of rows) {
        const tr = document.createElement('tr');
        for (const column of COLUMNS) {
          const td = document.createElement('td');
          td.textContent = column.text(agent);
          tr.append(td);
        }
        fragment.append(tr);
      }
      tbody.replaceChildren(fragment);
    };

    const headers = COLUMNS.map((column) => {
      const th = document.createElement('th');
      th.scope = 'col';
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = column.label;
      button.addEventListener('click', () => {
        const direction = sorted?.column === column && sorted.direction === 'asc' ? 'desc' : 'asc';
        sorted = { column, direction };
        rows = sortAgents(rows, column, direction);
        headers.forEach((h, i) => (COLUMNS[i] === column ? h.setAttribute('aria-sort', direction === 'asc' ? 'ascending' : 'descending') : h.removeAttribute('aria-sort')));
        fill();
      });
      th.append(button);
      headerRow.append(th);
      return th;
    });
    fill();
    host.append(table);
  },
};
