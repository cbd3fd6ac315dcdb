// A data source of the host's own: an object implementing `UsageDataSource`, one method per
// operation of the REST contract. Here it goes through the app's API client (its base URL, its
// headers); it could as well read a cache, a GraphQL API or a store. The elements validate every
// answer, so it need not.
import { httpError, networkError, type UsageDataSource } from 'ai-usage-elements/data.js';

/** The app's API client: one base URL, the session cookie, JSON. */
async function api<T>(operation: string, query: Record<string, string | number | undefined>, init: RequestInit = {}): Promise<T> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const url = `/api/ai-usage/${operation}${params.size ? `?${params}` : ''}`;
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'include', headers: { accept: 'application/json' }, ...init });
  } catch (error) {
    if (init.signal?.aborted) throw error; // an abort stays an abort
    throw networkError(operation, error); // the elements show it in the user's language, with Retry
  }
  if (!response.ok) throw httpError(operation, response.status, response.headers.get('retry-after'));
  return (await response.json()) as T;
}

export const hostApi: UsageDataSource = {
  getVoiceAgents: ({ signal }) => api('voice/agents', {}, { signal }),
  getVoicePlan: ({ signal }) => api('voice/plan', {}, { signal }),
  activateVoiceTrial: ({ signal, idempotencyKey }) => api('voice/trial', {}, { method: 'POST', signal, headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {} }),
  getVoiceHistory: ({ signal, from, to, agentId }) => api('voice/history', { from, to, agentId }, { signal }),
  getVoiceCalls: ({ signal, month, agentId, sort, offset, limit }) => api('voice/calls', { month, agentId, sort: `${sort.key}:${sort.direction}`, offset, limit }, { signal }),
  getMessagingAgents: ({ signal }) => api('messaging/agents', {}, { signal }),
};
