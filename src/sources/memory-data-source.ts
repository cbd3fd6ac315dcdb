import { msg, str } from '../i18n/localize.js';
import { UsageDataError, type RequestParams, type UsageDataSource, type VoiceCallsParams } from './data-source.js';
import { monthInTimeZone } from '../model/months.js';
import type { MessagingAgentsResponse, VoiceAgentsResponse, VoiceCall, VoiceHistoryMonth, VoicePlan } from '../model/types.js';

/** Everything a memory data source (or the demo backend) can answer from. */
export interface UsageDataset {
  voiceAgents: VoiceAgentsResponse;
  voicePlan: VoicePlan;
  /** Monthly history per agent id; the all-agents history is their sum. */
  voiceHistory: Record<string, VoiceHistoryMonth[]>;
  /** Individual calls per `YYYY-MM` month. */
  voiceCalls: Record<string, VoiceCall[]>;
  messagingAgents: MessagingAgentsResponse;
}

export interface MemoryDataSourceOptions {
  /** Milliseconds every answer waits (abortable), to show loading states. Default 0. */
  delay?: number;
  /** Length of a trial activated through `activateVoiceTrial`, in days. Default 14. */
  trialDays?: number;
  /** When false, `getVoiceCalls` rejects as a 403 would. Default true. */
  canSeeCalls?: boolean;
  /** The clock, for trial end dates. */
  now?: () => Date;
}

const EMPTY_PLAN: VoicePlan = { trial: { status: 'unavailable' }, currentPlanId: null, plans: [] };

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    if (ms <= 0) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Why a trial in `status` cannot be activated, in the language in force. */
function notActivatable(status: string): string {
  switch (status) {
    case 'active':
      return msg('The trial cannot be activated: it is active.', { desc: 'Error message: the AI Voice trial is already running.' });
    case 'expired':
      return msg('The trial cannot be activated: it is expired.', { desc: 'Error message: the AI Voice trial has ended.' });
    case 'unavailable':
      return msg('The trial cannot be activated: it is unavailable.', { desc: 'Error message: no AI Voice trial is offered.' });
    default:
      return msg(str`The trial cannot be activated: it is ${status}.`, { desc: 'Error message. The placeholder is a trial status the server sent (a code): keep it as it is.' });
  }
}

/** The REST source's words for a 403 (the same message, so one translation). */
const forbidden = (operation: string, status: number) =>
  msg(str`You don’t have permission to see ${operation} (HTTP ${status}).`, {
    desc: 'Error message. The operation (e.g. voice/agents) is the name of a REST call: keep it as it is. The second placeholder is an HTTP status code.',
  });

/** Deep copy so that callers can never mutate the dataset through an answer (JSON: works on proxies too). */
const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

function compareCalls(key: VoiceCallsParams['sort']['key']): (a: VoiceCall, b: VoiceCall) => number {
  switch (key) {
    case 'durationSeconds':
      return (a, b) => a.durationSeconds - b.durationSeconds;
    case 'agentName':
      return (a, b) => a.agentName.localeCompare(b.agentName);
    case 'takenBy':
      return (a, b) => (a.takenBy?.name ?? '').localeCompare(b.takenBy?.name ?? '');
    case 'billable':
      return (a, b) => Number(a.billable) - Number(b.billable);
    case 'startedAt':
    default:
      return (a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt);
  }
}

/** Sums per-agent monthly history into one series covering `from`..`to`. */
export function sumHistory(series: VoiceHistoryMonth[][], from: string, to: string): VoiceHistoryMonth[] {
  const byMonth = new Map<string, VoiceHistoryMonth>();
  for (const months of series) {
    for (const m of months) {
      if (m.month < from || m.month > to) continue;
      const sum = byMonth.get(m.month) ?? { month: m.month, callsEngaged: 0, billableMinutes: 0, nonBillableCalls: 0 };
      sum.callsEngaged += m.callsEngaged;
      sum.billableMinutes += m.billableMinutes;
      sum.nonBillableCalls += m.nonBillableCalls;
      byMonth.set(m.month, sum);
    }
  }
  return [...byMonth.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
}

/**
 * A data source that answers from data in memory: for stories, tests, prototypes, and hosts that
 * already hold the figures. Answers are copies; activating a trial changes the source's own plan.
 */
export function createMemoryDataSource(data: Partial<UsageDataset> = {}, options: MemoryDataSourceOptions = {}): UsageDataSource {
  const delay = options.delay ?? 0;
  const now = options.now ?? (() => new Date());
  let plan: VoicePlan = copy(data.voicePlan ?? EMPTY_PLAN);
  const sortedCalls = new Map<string, VoiceCall[]>();

  async function answer<T>(params: RequestParams, produce: () => T): Promise<T> {
    await wait(delay, params.signal);
    return copy(produce());
  }

  return {
    getVoiceAgents: (params) => answer(params, () => data.voiceAgents ?? { month: monthInTimeZone(now(), 'UTC'), timeZone: 'UTC', agents: [] }),
    getVoicePlan: (params) => answer(params, () => plan),
    activateVoiceTrial: (params) =>
      answer(params, () => {
        if (plan.trial.status !== 'available') {
          const status = plan.trial.status;
          throw new UsageDataError('http', 'voice/trial', () => notActivatable(status), { status: 409 });
        }
        const endsAt = new Date(now().getTime() + (options.trialDays ?? plan.trial.days ?? 14) * 86_400_000);
        plan = { ...plan, trial: { status: 'active', endsAt: endsAt.toISOString() } };
        return plan;
      }),
    getVoiceHistory: (params) =>
      answer(params, () => {
        const history = data.voiceHistory ?? {};
        const series = params.agentId ? [history[params.agentId] ?? []] : Object.values(history);
        return { months: sumHistory(series, params.from, params.to) };
      }),
    getVoiceCalls: (params) =>
      answer(params, () => {
        if (options.canSeeCalls === false) {
          throw new UsageDataError('forbidden', 'voice/calls', () => forbidden('voice/calls', 403), { status: 403 });
        }
        const cacheKey = `${params.month}|${params.agentId ?? ''}|${params.sort.key}|${params.sort.direction}`;
        let rows = sortedCalls.get(cacheKey);
        if (!rows) {
          const all = data.voiceCalls?.[params.month] ?? [];
          const filtered = params.agentId ? all.filter((c) => c.agentId === params.agentId) : [...all];
          const compare = compareCalls(params.sort.key);
          const sign = params.sort.direction === 'desc' ? -1 : 1;
          rows = filtered.sort((a, b) => sign * compare(a, b) || a.id.localeCompare(b.id));
          sortedCalls.clear();
          sortedCalls.set(cacheKey, rows);
        }
        const offset = Math.max(0, Math.floor(params.offset));
        const limit = Math.min(500, Math.max(1, Math.floor(params.limit)));
        return { total: rows.length, items: rows.slice(offset, offset + limit) };
      }),
    getMessagingAgents: (params) => answer(params, () => data.messagingAgents ?? { agents: [] }),
  };
}
