/**
 * What the benchmark page and its contestants share: the input a contestant gets, and the table's
 * columns for the contestants that are not ours (ours brings its own). Types only, plus the column
 * list; nothing here measures.
 */
import type { VoiceAgent, VoiceAgentsResponse, VoicePlan } from '../src/data.js';

/** The `voice/agents` and `voice/plan` answers, already fetched and parsed. */
export interface AgentsData {
  answer: VoiceAgentsResponse;
  plan: VoicePlan;
}

/** A contestant gets the parsed data (handed over), or the base URL of a backend (ours only). */
export type ShowInput = { kind: 'data'; data: AgentsData } | { kind: 'endpoint'; endpoint: string };

/** A contestant's module (one bundle each, so its min+gzip is its own): shows the agents in `host`. */
export interface ContestantModule {
  /** Starts showing `input` in `host`; may finish asynchronously (the page waits for the painted frame). */
  show(host: HTMLElement, input: ShowInput): void;
}

export interface Column {
  /** Sort key, and the property path for Vaadin Grid. */
  path: string;
  label: string;
  numeric: boolean;
  /** The value sorted by. */
  value: (agent: VoiceAgent) => string | number;
  /** The text shown. */
  text: (agent: VoiceAgent) => string;
}

const nf = new Intl.NumberFormat('en-US');

const count = (path: keyof VoiceAgent, label: string): Column => ({
  path,
  label,
  numeric: true,
  value: (a) => a[path] as number,
  text: (a) => nf.format(a[path] as number),
});

/** The nine columns of `<ai-voice-usage>`, for the hand-written, Vaadin Grid and lit-virtualizer tables. */
export const COLUMNS: Column[] = [
  { path: 'entity.name', label: 'Entity', numeric: false, value: (a) => a.entity.name, text: (a) => a.entity.name },
  { path: 'name', label: 'AI agent', numeric: false, value: (a) => a.name, text: (a) => a.name },
  { path: 'active', label: 'Status', numeric: false, value: (a) => (a.active ? 'Active' : 'Inactive'), text: (a) => (a.active ? 'Active' : 'Inactive') },
  count('callsEngagedThisMonth', 'Calls engaged this month'),
  count('callsHandledSinceActivation', 'Calls handled since activation'),
  count('billableMinutesThisMonth', 'Billable minutes this month'),
  count('billableMinutesSinceActivation', 'Billable minutes since activation'),
  count('nonBillableCallsThisMonth', 'Non-billable calls this month'),
  count('nonBillableCallsSinceActivation', 'Non-billable calls since activation'),
];

/** Stable: equal values keep the data's order (V8's sort is stable). Text by code unit, numbers by value. */
export function sortAgents(agents: readonly VoiceAgent[], column: Column, direction: 'asc' | 'desc'): VoiceAgent[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...agents].sort((a, b) => {
    const x = column.value(a);
    const y = column.value(b);
    return x < y ? -sign : x > y ? sign : 0;
  });
}

export function dataOf(input: ShowInput): AgentsData {
  if (input.kind !== 'data') throw new Error('This contestant takes the data, not an endpoint.');
  return input.data;
}
