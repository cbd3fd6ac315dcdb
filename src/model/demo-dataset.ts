import type { UsageDataset } from '../sources/memory-data-source.js';
import { addMonths, daysInMonth, monthInTimeZone, monthRange } from './months.js';
import type { Entity, MessagingAgent, TrialStatus, VoiceAgent, VoiceCall, VoiceHistoryMonth } from './types.js';

export interface DemoDataOptions {
  /** Same seed, same data. Default 1. */
  seed?: number;
  /** Number of AI voice agents. Default 12. */
  voiceAgents?: number;
  /** Number of AI messaging agents. Default 8. */
  messagingAgents?: number;
  /** The current month, `YYYY-MM`. Default: this month in `timeZone`. */
  month?: string;
  /** The organization's time zone. Default `Europe/Stockholm`. */
  timeZone?: string;
  /** Months of history before the current one. Default 17. */
  historyMonths?: number;
  /** Months (`YYYY-MM`) whose individual calls are generated. Default: the current and previous month. */
  callMonths?: string[];
  /** Multiplies call volumes (e.g. 40 gives a month of ~100,000 calls across 12 agents). Default 1. */
  volume?: number;
  /** Status of the AI Voice trial. Default `available`. */
  trialStatus?: TrialStatus;
  /** The clock. Default `new Date()`. */
  now?: Date;
}

/** mulberry32: a small, fast, seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(...values: (string | number)[]): number {
  let h = 2166136261;
  for (const ch of values.join('|')) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const between = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** Agent names in several languages and scripts, including right-to-left ones. */
export const VOICE_NAMES = [
  'Astrid · Kundtjänst',
  'Lena – Kundendienst',
  'Lucía, asistente de ventas',
  'ليلى – خدمة العملاء',
  'さくら 受付アシスタント',
  'Aino Asiakaspalvelu',
  'Chloé – Accueil',
  'Billing Assistant',
  'Noa · שירות לקוחות',
  'Olek – Obsługa klienta',
  'Priya Appointment Desk',
  'Mateus Suporte Técnico',
  'After-hours Overflow Agent for Enterprise Premium Support Customers',
  'Jonas Bokningar',
  '小明 技术支持',
  'Emre Müşteri Hizmetleri',
];

const RESPONSE_GROUPS = [
  'Support Tier 1',
  'Växel Stockholm',
  'Vertrieb DACH',
  'Ventas LATAM',
  'مركز الاتصال الرياض',
  'お客様窓口 東京',
  'Billing & Invoices',
  'Nordic Enterprise Premium Support Escalations',
];

const PHONE_NUMBERS = ['+46 8 505 123 00', '+49 30 901 820 44', '+1 415 555 0134', '+358 9 4245 1100', '+44 20 7946 0958', '+34 910 123 456'];

export const MESSAGING_NAMES = [
  'Maja Chattassistent',
  'Web Concierge',
  'Hamid – مساعد المحادثة',
  'Elena Chat de ventas',
  'Yuki チャット窓口',
  'Returns & Refunds Bot',
  'Tobias Kundenchat',
  'Sofía Soporte WhatsApp',
  'Night Shift Messenger for Premium Enterprise Accounts',
  'Ville Chat-tuki',
];

const CHAT_ENTITIES: [string, string][] = [
  ['Website chat', 'web-chat'],
  ['Support chat (SE)', 'chat-channel'],
  ['WhatsApp Business', 'whatsapp'],
  ['Facebook Messenger', 'messenger'],
  ['Sales chat DACH', 'chat-channel'],
  ['Help centre widget', 'web-chat'],
  ['SMS inbox', 'sms'],
];

const PEOPLE = ['Anna Lindqvist', 'Jonas Berg', 'Fatima Al-Sayed', 'Kenji Watanabe', 'María José Pérez', 'Oskar Nieminen'];

function isoOffset(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function monthlyDurations(random: () => number, count: number): number[] {
  const durations: number[] = new Array(count);
  for (let i = 0; i < count; i++) {
    // ~12 % of calls end within 15 s (hang-ups, wrong numbers); the rest last 20 s to 12 min.
    durations[i] = random() < 0.12 ? between(random, 1, 14) : Math.round(20 + Math.pow(random(), 2) * 700);
  }
  return durations;
}

function summarize(month: string, durations: number[]): VoiceHistoryMonth {
  let billableMinutes = 0;
  let nonBillableCalls = 0;
  for (const d of durations) {
    if (d < 15) nonBillableCalls++;
    else billableMinutes += Math.ceil(d / 60);
  }
  return { month, callsEngaged: durations.length, billableMinutes, nonBillableCalls };
}

/**
 * A deterministic, realistic dataset for the demo backend, stories and tests: response groups and
 * phone numbers, active and inactive agents with names in several languages, month-by-month history
 * that adds up to the agents' totals, and individual calls for the chosen months.
 */
export function createDemoData(options: DemoDataOptions = {}): UsageDataset {
  const seed = options.seed ?? 1;
  const timeZone = options.timeZone ?? 'Europe/Stockholm';
  const now = options.now ?? new Date();
  const month = options.month ?? monthInTimeZone(now, timeZone);
  const historyMonths = options.historyMonths ?? 17;
  const volume = options.volume ?? 1;
  const callMonths = new Set(options.callMonths ?? [month, addMonths(month, -1)]);
  const random = prng(seed);

  const agents: VoiceAgent[] = [];
  const voiceHistory: Record<string, VoiceHistoryMonth[]> = {};
  const voiceCalls: Record<string, VoiceCall[]> = {};
  for (const m of callMonths) voiceCalls[m] = [];

  const count = options.voiceAgents ?? 12;
  for (let i = 0; i < count; i++) {
    const id = `va-${String(i + 1).padStart(3, '0')}`;
    const baseName = VOICE_NAMES[i % VOICE_NAMES.length] as string;
    const name = i < VOICE_NAMES.length ? baseName : `${baseName} ${Math.floor(i / VOICE_NAMES.length) + 1}`;
    const isPhone = random() < 0.35;
    const entity: Entity = isPhone
      ? { id: `pn-${i + 1}`, name: pick(random, PHONE_NUMBERS), type: 'phone-number' }
      : { id: `rg-${(i % RESPONSE_GROUPS.length) + 1}`, name: RESPONSE_GROUPS[i % RESPONSE_GROUPS.length] as string, type: 'response-group' };
    // Every fifth agent is inactive: it stopped taking calls a few months ago.
    const active = i % 5 !== 3;
    const ageMonths = between(random, 1, historyMonths);
    const firstMonth = addMonths(month, -ageMonths);
    const lastMonth = active ? month : addMonths(month, -between(random, 1, Math.max(1, ageMonths - 1)));
    const activatedDay = between(random, 1, 28);
    const activatedAt = `${firstMonth}-${String(activatedDay).padStart(2, '0')}T09:${String(between(random, 0, 59)).padStart(2, '0')}:00Z`;
    const scale = (20 + random() * 380) * volume;

    const history: VoiceHistoryMonth[] = [];
    for (const m of monthRange(firstMonth, month)) {
      const monthRandom = prng(hash(seed, id, m));
      const working = m <= lastMonth;
      // The first month is partial, and so is the current one: only the days so far.
      const elapsed = m === month ? Math.min(1, Math.max(1, now.getUTCDate()) / daysInMonth(m)) : 1;
      const ramp = (m === firstMonth ? 0.4 : 1) * elapsed;
      const n = working ? Math.round(scale * ramp * (0.75 + monthRandom() * 0.5)) : 0;
      const durations = monthlyDurations(monthRandom, n);
      history.push(summarize(m, durations));
      if (callMonths.has(m) && n > 0) {
        const days = daysInMonth(m);
        const lastDay = m === month ? Math.min(days, Math.max(1, now.getUTCDate())) : days;
        const calls = voiceCalls[m] as VoiceCall[];
        for (let c = 0; c < n; c++) {
          const duration = durations[c] as number;
          const day = between(monthRandom, 1, lastDay);
          const start = new Date(`${m}-${String(day).padStart(2, '0')}T00:00:00Z`);
          // Office hours; today only up to now, so no call lies in the future.
          const latest = m === month && day === lastDay ? Math.max(6 * 3600, Math.min(19 * 3600, Math.floor((now.getTime() % 86_400_000) / 1000))) : 19 * 3600;
          start.setUTCSeconds(between(monthRandom, Math.min(6 * 3600, latest), latest));
          const transferred = duration >= 15 && monthRandom() < 0.15;
          calls.push({
            id: `${id}-${m}-${c + 1}`,
            startedAt: isoOffset(start),
            durationSeconds: duration,
            agentId: id,
            agentName: name,
            takenBy: transferred ? { kind: 'user', name: pick(monthRandom, PEOPLE) } : { kind: 'ai-agent', name },
            billable: duration >= 15,
          });
        }
      }
    }
    voiceHistory[id] = history;
    const current = history[history.length - 1] as VoiceHistoryMonth;
    agents.push({
      id,
      name,
      active,
      entity,
      activatedAt,
      callsEngagedThisMonth: current.callsEngaged,
      callsHandledSinceActivation: history.reduce((s, h) => s + h.callsEngaged, 0),
      billableMinutesThisMonth: current.billableMinutes,
      billableMinutesSinceActivation: history.reduce((s, h) => s + h.billableMinutes, 0),
      nonBillableCallsThisMonth: current.nonBillableCalls,
      nonBillableCallsSinceActivation: history.reduce((s, h) => s + h.nonBillableCalls, 0),
    });
  }

  const messaging: MessagingAgent[] = [];
  const messagingCount = options.messagingAgents ?? 8;
  for (let i = 0; i < messagingCount; i++) {
    const [entityName, entityType] = CHAT_ENTITIES[i % CHAT_ENTITIES.length] as [string, string];
    const licenseRoll = i % 6;
    const daysOffset = between(random, 2, 25) * 86_400_000;
    const license =
      licenseRoll === 1
        ? { type: 'trial', endsAt: isoOffset(new Date(now.getTime() + daysOffset)) }
        : licenseRoll === 4
          ? { type: 'trial', endsAt: isoOffset(new Date(now.getTime() - daysOffset)) }
          : licenseRoll === 5
            ? { type: 'enterprise' }
            : { type: 'unlimited' };
    const baseName = MESSAGING_NAMES[i % MESSAGING_NAMES.length] as string;
    messaging.push({
      id: `ma-${String(i + 1).padStart(3, '0')}`,
      name: i < MESSAGING_NAMES.length ? baseName : `${baseName} ${Math.floor(i / MESSAGING_NAMES.length) + 1}`,
      entity: { id: `ch-${(i % CHAT_ENTITIES.length) + 1}`, name: entityName, type: entityType },
      license,
      engagement: { newCasesPercentWhenOpen: pick(random, [100, 100, 75, 50, 25, 0]), handlesWhenClosed: random() < 0.5 },
      priceCredits: pick(random, [0, 5, 10, 25, 40]),
      engagedCases: Math.round(random() * 2400 * volume),
    });
  }

  const asOf = isoOffset(new Date(Math.floor(now.getTime() / 60_000) * 60_000));
  return {
    voiceAgents: { month, timeZone, asOf, agents },
    voicePlan: {
      trial:
        options.trialStatus === 'active'
          ? { status: 'active', endsAt: isoOffset(new Date(now.getTime() + 9 * 86_400_000)) }
          : options.trialStatus === 'expired'
            ? { status: 'expired', endsAt: isoOffset(new Date(now.getTime() - 20 * 86_400_000)) }
            : { status: options.trialStatus ?? 'available', ...((options.trialStatus ?? 'available') === 'available' ? { days: 14 } : {}) },
      currentPlanId: options.trialStatus === 'active' ? null : 'growth',
      plans: [
        { id: 'starter', name: 'Starter', currency: 'EUR', pricePerMinute: 0.12, includedMinutes: 500 },
        { id: 'growth', name: 'Growth', currency: 'EUR', pricePerMinute: 0.09, includedMinutes: 5000 },
        { id: 'scale', name: 'Scale', currency: 'EUR', pricePerMinute: 0.06, includedMinutes: 25000 },
      ],
    },
    voiceHistory,
    voiceCalls,
    messagingAgents: { asOf, timeZone, agents: messaging },
  };
}
