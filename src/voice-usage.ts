import './events.js';
import { AiVoiceUsage } from './components/voice-usage/voice-usage.component.js';

export * from './components/voice-usage/voice-usage.component.js';
export type { LoadDetail, ErrorDetail, SortChangeDetail, FilterChangeDetail, ExportDetail } from './events.js';

if (!customElements.get('ai-voice-usage')) customElements.define('ai-voice-usage', AiVoiceUsage);

declare global {
  interface HTMLElementTagNameMap {
    'ai-voice-usage': AiVoiceUsage;
  }
}
