// The provider is defined before any consumer, so elements inside it always find it.
import './usage-provider.js';
import './voice-configure.js';
import { AiVoiceUsage } from './components/voice-usage/voice-usage.component.js';

export * from './components/voice-usage/voice-usage.component.js';
export type { LoadDetail, ErrorDetail, SortChangeDetail, FilterChangeDetail, ExportDetail } from './events.js';

if (!customElements.get('ai-voice-usage')) customElements.define('ai-voice-usage', AiVoiceUsage);

declare global {
  interface HTMLElementTagNameMap {
    'ai-voice-usage': AiVoiceUsage;
  }
}
