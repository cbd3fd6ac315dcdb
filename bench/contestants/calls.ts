/** `<ai-usage-calls>` against a backend: the calls list of one month, paged on the server. */
import '../../src/usage-calls.js';

export function showCalls(host: HTMLElement, endpoint: string, month: string): void {
  const element = document.createElement('ai-usage-calls');
  element.locale = 'en-US';
  element.month = month;
  element.endpoint = endpoint;
  host.append(element);
}
