/** Runs in the page: every contestant, several sizes, median of repeated runs. */
import { createDemoData } from '../src/demo-data.js';
import { contestants } from './contestants.js';

export interface Result {
  contestant: string;
  rows: number;
  renderMs: number;
  sortMs: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

async function run(sizes: number[], repeats: number): Promise<Result[]> {
  const results: Result[] = [];
  for (const rows of sizes) {
    const agents = createDemoData({ seed: 1, voiceAgents: rows, month: '2026-11', historyMonths: 3, callMonths: [], now: new Date('2026-11-20T12:00:00Z') }).voiceAgents.agents;
    for (const c of contestants) {
      const renders: number[] = [];
      const sorts: number[] = [];
      for (let i = 0; i < repeats + 1; i++) {
        const host = document.createElement('div');
        document.body.append(host);
        console.log(`${c.name} ${rows} run ${i}`);
        const t0 = performance.now();
        await c.render(host, structuredClone(agents));
        const t1 = performance.now();
        await c.sort(host);
        const t2 = performance.now();
        host.remove();
        await new Promise((r) => setTimeout(r, 20));
        if (i > 0) {
          // The first run warms up the JIT and caches; it does not count.
          renders.push(t1 - t0);
          sorts.push(t2 - t1);
        }
      }
      results.push({ contestant: c.name, rows, renderMs: median(renders), sortMs: median(sorts) });
    }
  }
  return results;
}

(window as unknown as { runBench: typeof run }).runBench = run;
document.title = 'ready';
