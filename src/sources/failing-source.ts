import type { UsageDataError, UsageDataSource } from './data-source.js';

/** A source whose every call rejects with `error`: configuration mistakes, tests and stories. */
export function createFailingDataSource(error: UsageDataError | Error): UsageDataSource {
  const fail = () => Promise.reject(error);
  return {
    getVoiceAgents: fail,
    getVoicePlan: fail,
    activateVoiceTrial: fail,
    getVoiceHistory: fail,
    getVoiceCalls: fail,
    getMessagingAgents: fail,
  };
}
