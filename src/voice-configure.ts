import { AiVoiceConfigure } from './components/voice-configure/voice-configure.component.js';

export * from './components/voice-configure/voice-configure.component.js';

if (!customElements.get('ai-voice-configure')) customElements.define('ai-voice-configure', AiVoiceConfigure);

declare global {
  interface HTMLElementTagNameMap {
    'ai-voice-configure': AiVoiceConfigure;
  }
}
