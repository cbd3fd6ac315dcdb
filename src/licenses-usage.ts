import './voice-usage.js';
import './messaging-usage.js';
import './usage-history.js';
import { AiLicensesUsage } from './components/licenses-usage/licenses-usage.component.js';

export * from './components/licenses-usage/licenses-usage.component.js';
export type { TabChangeDetail } from './events.js';

if (!customElements.get('ai-licenses-usage')) customElements.define('ai-licenses-usage', AiLicensesUsage);

declare global {
  interface HTMLElementTagNameMap {
    'ai-licenses-usage': AiLicensesUsage;
  }
}
