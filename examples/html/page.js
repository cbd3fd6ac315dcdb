// The page's own script: a memory source with demo data for one element, and the host's handler of
// `ai-sort-change` on both. Everything comes from the bundle the page already loads.
import { createDemoData, createMemoryDataSource } from '/dist/ai-usage-elements.bundle.js';

const lastSort = document.getElementById('last-sort');

/** Demo data in memory: no backend needed (a prototype, a story, a test). */
document.getElementById('messaging').dataSource = createMemoryDataSource(createDemoData({ seed: 7 }));

for (const table of ['voice', 'messaging']) {
  document.getElementById(table).addEventListener('ai-sort-change', (event) => {
    lastSort.value = `${table}: ${event.detail.sortKey} ${event.detail.sortDirection}`;
  });
}
