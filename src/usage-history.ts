import './usage-provider.js';
import './usage-calls.js';
import { AiUsageHistory } from './components/usage-history/usage-history.component.js';

export * from './components/usage-history/usage-history.component.js';
export type { LoadDetail, ErrorDetail, SortChangeDetail } from './events.js';

if (!customElements.get('ai-usage-history')) customElements.define('ai-usage-history', AiUsageHistory);

declare global {
  interface HTMLElementTagNameMap {
    'ai-usage-history': AiUsageHistory;
  }
}
