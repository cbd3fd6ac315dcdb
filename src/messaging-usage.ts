// The provider is defined before any consumer, so elements inside it always find it.
import './usage-provider.js';
import { AiMessagingUsage } from './components/messaging-usage/messaging-usage.component.js';

export * from './components/messaging-usage/messaging-usage.component.js';
export type { LoadDetail, ErrorDetail, SortChangeDetail, FilterChangeDetail, ExportDetail } from './events.js';

if (!customElements.get('ai-messaging-usage')) customElements.define('ai-messaging-usage', AiMessagingUsage);

declare global {
  interface HTMLElementTagNameMap {
    'ai-messaging-usage': AiMessagingUsage;
  }
}
