/**
 * The benchmark page (bench/index.html?c=<contestant>): loads one contestant's bundle and offers
 * `window.bench` to scripts/bench.js, which drives one fresh page per sample. Every timed action
 * runs in a task of the page's own (work done inside a DevTools evaluation is not reported as a
 * long task), and ends at the frame painted with the expected row: the first animation frame in
 * which the row is in the DOM, plus the task after that frame's rendering.
 */
import { hasName, nextPageButton, tableProbe, vaadinProbe, type Probe } from './probes.js';
import type { AgentsData, ContestantModule, ShowInput } from './shared.js';

export interface Timed {
  /** Milliseconds from the action to the painted frame. */
  ms: number;
  /** `performance.now()` at the action and after the painted frame. */
  t0: number;
  t1: number;
}

export interface RequestSeen {
  url: string;
  offset: number | undefined;
  limit: number | undefined;
}

/** The contestants: which bundle, what they are fed, how they are read. */
const CONTESTANTS: Record<string, { bundle: string; input: 'data' | 'endpoint'; probe: Probe }> = {
  vanilla: { bundle: 'vanilla', input: 'data', probe: tableProbe },
  'vaadin-grid': { bundle: 'vaadin-grid', input: 'data', probe: vaadinProbe },
  'lit-virtualizer': { bundle: 'lit-virtualizer', input: 'data', probe: tableProbe },
  'ours-endpoint': { bundle: 'ours', input: 'endpoint', probe: tableProbe },
  'ours-data': { bundle: 'ours', input: 'data', probe: tableProbe },
  calls: { bundle: 'calls', input: 'endpoint', probe: tableProbe },
};

const id = new URLSearchParams(location.search).get('c') ?? '';
const entry = CONTESTANTS[id];
const host = document.getElementById('host') as HTMLElement;

const longTasks: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

/** The input for the next `firstPaint`, held only until it is handed over. */
let pending: ShowInput | undefined;

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Resolves with the time after the first frame rendered while `done()` holds. `done` is checked at
 * the start of each frame (in requestAnimationFrame, before style, layout and paint); a message
 * posted then is handled after that frame's rendering.
 */
function paintedWhen(done: () => boolean, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const deadline = performance.now() + timeoutMs;
    const check = () => {
      let ok: boolean;
      try {
        ok = done();
      } catch {
        ok = false;
      }
      if (ok) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      } else if (performance.now() > deadline) {
        reject(new Error(`not painted within ${timeoutMs} ms; first row: “${probe().firstRowText(host).slice(0, 120)}”`));
      } else {
        requestAnimationFrame(check);
      }
    };
    requestAnimationFrame(check);
  });
}

/** Runs `action` in a task of its own, then waits for the painted frame where `done()` holds. */
function timed(action: () => void, done: () => boolean, timeoutMs: number): Promise<Timed> {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      const t0 = performance.now();
      try {
        action();
      } catch (error) {
        reject(error);
        return;
      }
      paintedWhen(done, timeoutMs).then((t1) => resolve({ ms: t1 - t0, t0, t1 }), reject);
    });
  });
}

function probe(): Probe {
  if (!entry) throw new Error(`Unknown contestant “${id}”.`);
  return entry.probe;
}

let module: ContestantModule | undefined;
let showCalls: ((host: HTMLElement, endpoint: string, month: string) => void) | undefined;

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Walks the host's subtree and every open shadow root in it: elements, text and comment nodes (the host itself not counted). */
function countNodes(node: Node): number {
  let n = 1;
  for (let child = node.firstChild; child; child = child.nextSibling) n += countNodes(child);
  const shadow = (node as Element).shadowRoot;
  if (shadow) for (let child = shadow.firstChild; child; child = child.nextSibling) n += countNodes(child);
  return n;
}

const bench = {
  ready: false,
  error: '',
  input: entry?.input,

  /** Fetches the agents and the plan for a contestant fed with data (before any timing). */
  async loadData(endpoint: string): Promise<void> {
    const [answer, plan] = await Promise.all([getJson<AgentsData['answer']>(`${endpoint}voice/agents`), getJson<AgentsData['plan']>(`${endpoint}voice/plan`)]);
    pending = { kind: 'data', data: { answer, plan } };
  },

  useEndpoint(endpoint: string): void {
    pending = { kind: 'endpoint', endpoint };
  },

  /** From handing over the data (or setting `endpoint`) to the painted frame whose first data row is `name`'s. */
  firstPaint(name: string, timeoutMs: number): Promise<Timed> {
    const input = pending;
    pending = undefined;
    if (!input || !module) return Promise.reject(new Error('Nothing to show: loadData() or useEndpoint() first.'));
    const show = module.show;
    return timed(
      () => show(host, input),
      () => hasName(probe().firstRowText(host), name),
      timeoutMs,
    );
  },

  /** From a click on the "Billable minutes this month" header's button to the painted frame sorted ascending, first row `name`'s. */
  sortPaint(name: string, timeoutMs: number): Promise<Timed> {
    const button = probe().sortButton(host);
    if (!button) return Promise.reject(new Error('No sort button for billable minutes this month.'));
    return timed(
      () => button.click(),
      () => probe().sortedAscending(host) && hasName(probe().firstRowText(host), name),
      timeoutMs,
    );
  },

  /** From typing `query` into the filter box (one `input` event with the whole text) to the painted frame whose first row is `name`'s. */
  filterPaint(query: string, name: string, timeoutMs: number): Promise<Timed> {
    const box = probe().filterBox(host);
    if (!box) return Promise.reject(new Error('No filter box.'));
    return timed(
      () => {
        box.focus();
        box.value = query;
        box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: query }));
      },
      () => hasName(probe().firstRowText(host), name),
      timeoutMs,
    );
  },

  /** Lets the contestant finish what follows the painted frame (events, a second request, idle work). */
  async settle(): Promise<void> {
    await frame();
    await frame();
    await new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 3000 }));
    await sleep(100);
    await new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 3000 }));
  },

  /** The longest task (≥ 50 ms, the long-task threshold) that started at or after `from`; 0 when there was none. */
  longestTask(from: number): number {
    return longTasks.filter((t) => t.start >= from - 1).reduce((max, t) => Math.max(max, t.duration), 0);
  },

  domNodes(): number {
    return countNodes(host) - 1;
  },

  /**
   * What the endpoint variant's fetch and JSON parse cost, measured apart from the element (whose
   * streamed, chunked reading makes its own request last as long as its reading): the same URL
   * fetched to the last byte (`netMs`, the backend has it ready), then `JSON.parse` of the body
   * (`parseMs`). `elementRequestMs`: the element's own request, start to last byte (Resource Timing).
   */
  async netAndParse(): Promise<{ netMs: number; parseMs: number; elementRequestMs: number; bytes: number }> {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const request = entries.find((e) => /\/voice\/agents(\?|$)/.test(e.name));
    if (!request) throw new Error('No voice/agents request seen.');
    const start = performance.now();
    const text = await (await fetch(request.name)).text();
    const fetched = performance.now();
    JSON.parse(text);
    const parsed = performance.now();
    return { netMs: fetched - start, parseMs: parsed - fetched, elementRequestMs: request.responseEnd - request.startTime, bytes: text.length };
  },

  // The calls list ----------------------------------------------------------------------------

  /** The agent name of the call at `offset` in the list sorted newest first (fetched before any timing). */
  async callAt(endpoint: string, month: string, offset: number): Promise<string> {
    const page = await getJson<{ items: { agentName: string }[] }>(`${endpoint}voice/calls?month=${month}&sort=startedAt:desc&offset=${offset}&limit=1`);
    return page.items[0]?.agentName ?? '';
  },

  /** `voice/calls` requests made since `from` (Resource Timing), with their offset and limit. */
  callsRequests(from: number): RequestSeen[] {
    return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => e.startTime >= from && /\/voice\/calls\?/.test(e.name))
      .map((e) => {
        const q = new URL(e.name).searchParams;
        const number = (key: string) => (q.has(key) ? Number(q.get(key)) : undefined);
        return { url: e.name, offset: number('offset'), limit: number('limit') };
      });
  },

  callsFirstScreen(endpoint: string, month: string, name: string, timeoutMs: number): Promise<Timed> {
    const show = showCalls;
    if (!show) return Promise.reject(new Error('Not the calls page.'));
    return timed(
      () => show(host, endpoint, month),
      () => hasName(probe().firstRowText(host), name),
      timeoutMs,
    );
  },

  callsNextPage(name: string, timeoutMs: number): Promise<Timed> {
    const button = nextPageButton(host);
    if (!button || button.disabled) return Promise.reject(new Error('No enabled “Next page” button.'));
    return timed(
      () => button.click(),
      () => hasName(probe().firstRowText(host), name),
      timeoutMs,
    );
  },

  /** What the first data row says now (for error messages). */
  firstRow(): string {
    return probe().firstRowText(host).slice(0, 200);
  },
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}
window.bench = bench;

(async () => {
  if (!entry) throw new Error(`Unknown contestant “${id}”; one of ${Object.keys(CONTESTANTS).join(', ')}.`);
  const url = new URL(`./${entry.bundle}.js`, import.meta.url).href;
  const loaded = (await import(url)) as { contestant?: ContestantModule; showCalls?: typeof showCalls };
  module = loaded.contestant;
  showCalls = loaded.showCalls;
})().then(
  () => (bench.ready = true),
  (error: unknown) => (bench.error = String(error)),
);
