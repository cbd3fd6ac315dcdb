/**
 * `<ai-voice-usage>`, fed either through `endpoint` (the REST contract over real HTTP: the element
 * fetches, parses and validates) or through `dataSource` (a host's own source that already holds
 * the parsed answer: the element validates it).
 */
import '../../src/voice-usage.js';
import { UsageDataError, type UsageDataSource } from '../../src/data.js';
import type { AgentsData, ContestantModule } from '../shared.js';

/** What a host that already holds the figures would pass: answers as they are, nothing else offered. */
function hostSource({ answer, plan }: AgentsData): UsageDataSource {
  const none = (operation: string) => () => Promise.reject(new UsageDataError('http', operation, 'Not offered by this host.', { status: 404 }));
  return {
    getVoiceAgents: () => Promise.resolve(answer),
    getVoicePlan: () => Promise.resolve(plan),
    activateVoiceTrial: none('voice/trial'),
    getVoiceHistory: none('voice/history'),
    getVoiceCalls: none('voice/calls'),
    getMessagingAgents: none('messaging/agents'),
  };
}

export const contestant: ContestantModule = {
  show(host, input) {
    const element = document.createElement('ai-voice-usage');
    element.locale = 'en-US';
    if (input.kind === 'data') element.dataSource = hostSource(input.data);
    else element.endpoint = input.endpoint;
    host.append(element);
  },
};
