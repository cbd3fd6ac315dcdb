/**
 * Vaadin Grid 25 with a `<vaadin-grid-sort-column>` per column: a virtualized grid over an array
 * (its array data provider sorts), numbers formatted by a renderer.
 */
import '@vaadin/grid/vaadin-grid.js';
import '@vaadin/grid/vaadin-grid-sort-column.js';
import type { VoiceAgent } from '../../src/data.js';
import { COLUMNS, dataOf, type ContestantModule } from '../shared.js';

export const contestant: ContestantModule = {
  show(host, input) {
    const grid = document.createElement('vaadin-grid');
    grid.style.height = '630px';
    for (const column of COLUMNS) {
      const sortColumn = document.createElement('vaadin-grid-sort-column');
      sortColumn.path = column.path;
      sortColumn.header = column.label;
      if (column.path !== 'name' && column.path !== 'entity.name') {
        sortColumn.renderer = (root, _column, model) => {
          root.textContent = column.text(model.item as VoiceAgent);
        };
      }
      grid.append(sortColumn);
    }
    grid.items = dataOf(input).answer.agents;
    host.append(grid);
  },
};
