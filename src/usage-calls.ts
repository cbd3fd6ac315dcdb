import './usage-provider.js';
import { AiUsageCalls } from './components/usage-calls/usage-calls.component.js';

export * from './components/usage-calls/usage-calls.component.js';

if (!customElements.get('ai-usage-calls')) customElements.define('ai-usage-calls', AiUsageCalls);

declare global {
  interface HTMLElementTagNameMap {
    'ai-usage-calls': AiUsageCalls;
  }
}
