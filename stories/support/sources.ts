/** Data sources that put an element in each state, for stories and the tests that render them. */
import { createMemoryDataSource, type UsageDataSource, type VoiceAgentsResponse } from '../../src/data.js';
import { createDemoData, type DemoDataOptions } from '../../src/demo-data.js';
import { createFailingDataSource } from '../../src/sources/failing-source.js';
import { httpError, networkError } from '../../src/sources/rest-data-source.js';

/** A fixed clock, so stories look the same every day. */
export const STORY_NOW = new Date('2026-11-27T10:30:00Z');

export const demoData = (options: DemoDataOptions = {}) => createDemoData({ seed: 7, voiceAgents: 14, month: '2026-11', now: STORY_NOW, ...options });

export const demoSource = (options: DemoDataOptions = {}) => createMemoryDataSource(demoData(options));

/** A demo source whose data is made on its first request: a big dataset must not slow down importing every story. */
export function lazyDemoSource(options: DemoDataOptions): UsageDataSource {
  let made: UsageDataSource | undefined;
  const source = () => (made ??= demoSource(options));
  return {
    getVoiceAgents: (params) => source().getVoiceAgents(params),
    getVoicePlan: (params) => source().getVoicePlan(params),
    activateVoiceTrial: (params) => source().activateVoiceTrial(params),
    getVoiceHistory: (params) => source().getVoiceHistory(params),
    getVoiceCalls: (params) => source().getVoiceCalls(params),
    getMessagingAgents: (params) => source().getMessagingAgents(params),
  };
}

/** Never answers (until aborted): the loading state. */
export function pendingSource(): UsageDataSource {
  const never = <T>({ signal }: { signal?: AbortSignal }) => new Promise<T>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
  return {
    getVoiceAgents: never,
    getVoicePlan: never,
    activateVoiceTrial: never,
    getVoiceHistory: never,
    getVoiceCalls: never,
    getMessagingAgents: never,
  };
}

/** Fails every call with `error`: the error state. */
// The errors are the REST source's own (httpError and its words), so they read in the page's language as a real one would.
export const failingSource = (error = httpError('voice/agents', 503, null)) => createFailingDataSource(error);

/** Answers voice/agents with some rows broken the ways the contract forbids. */
export function malformedSource(): UsageDataSource {
  const data = demoData({ voiceAgents: 8 });
  const agents = data.voiceAgents.agents as unknown as Record<string, unknown>[];
  agents[1]!.billableMinutesThisMonth = -4;
  agents[3]!.callsEngagedThisMonth = 'twelve';
  delete agents[3]!.nonBillableCallsSinceActivation;
  agents[5]!.name = '';
  return createMemoryDataSource({ ...data, voiceAgents: data.voiceAgents as VoiceAgentsResponse });
}

/** Long names, right-to-left names, markup-looking names. */
export function longNamesSource(): UsageDataSource {
  const data = demoData({ voiceAgents: 6 });
  const [a, b, c, d] = data.voiceAgents.agents;
  a!.name = 'After-hours Overflow Agent for Enterprise Premium Support Customers in the Nordics and Baltics';
  a!.entity.name = 'Nordic Enterprise Premium Support Escalations – Stockholm, Oslo, Helsinki and Copenhagen';
  b!.name = 'مساعد خدمة العملاء الذكي للاستفسارات العامة والفواتير';
  b!.entity.name = 'مركز الاتصال الرياض';
  c!.name = 'סוכן שירות לקוחות · תמיכה טכנית';
  d!.name = '<b>Not bold</b> & <i>not italic</i>';
  return createMemoryDataSource(data);
}

/** Answers messaging/agents with some rows broken the ways the contract forbids. */
export function malformedMessagingSource(): UsageDataSource {
  const data = demoData();
  const agents = data.messagingAgents.agents as unknown as Record<string, unknown>[];
  agents[1]!.engagedCases = 'many';
  agents[2]!.priceCredits = -5;
  (agents[3]!.engagement as Record<string, unknown>).newCasesPercentWhenOpen = 140;
  delete agents[4]!.license;
  return createMemoryDataSource(data);
}

/** One messaging agent per kind of license, relative to STORY_NOW. */
export function licensesSource(): UsageDataSource {
  const data = demoData({ messagingAgents: 6 });
  const day = 86_400_000;
  const at = (days: number) => new Date(STORY_NOW.getTime() + days * day).toISOString();
  const licenses = [
    { type: 'unlimited' },
    { type: 'trial', endsAt: at(3) },
    { type: 'trial', endsAt: at(20) },
    { type: 'trial', endsAt: at(-4) },
    { type: 'enterprise' },
    { type: 'pay-as-you-go', endsAt: at(60) },
  ];
  data.messagingAgents.agents.forEach((agent, i) => (agent.license = licenses[i % licenses.length]!));
  return createMemoryDataSource(data);
}

/** The calls list answers 403: the user may not see individual calls. */
export function callsForbiddenSource(): UsageDataSource {
  return createMemoryDataSource(demoData(), { canSeeCalls: false });
}

/** Every answer takes `ms` milliseconds. */
export function slowSource(ms: number): UsageDataSource {
  return createMemoryDataSource(demoData(), { delay: ms });
}

/** History with months that break the contract. */
export function malformedHistorySource(): UsageDataSource {
  const inner = demoSource();
  return {
    ...inner,
    getVoiceHistory: async (params) => {
      const answer = await inner.getVoiceHistory(params);
      const months = answer.months as unknown as Record<string, unknown>[];
      if (months[3]) months[3].billableMinutes = -12;
      if (months[5]) months[5].callsEngaged = 'lots';
      return answer;
    },
  };
}

/** Activating the trial fails with HTTP 500. */
export function trialFailsSource(): UsageDataSource {
  return {
    ...demoSource(),
    activateVoiceTrial: () => Promise.reject(httpError('voice/trial', 500, null)),
  };
}

/** The trial POST never answers and the plan cannot be read again: the outcome stays unknown. */
export function lostTrialAnswerSource(): UsageDataSource {
  const inner = demoSource();
  let activating = false;
  return {
    ...inner,
    activateVoiceTrial: ({ signal }) => {
      activating = true;
      return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
    },
    getVoicePlan: (params) => (activating ? Promise.reject(networkError('voice/plan')) : inner.getVoicePlan(params)),
  };
}
