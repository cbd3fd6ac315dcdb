import { AiUsageProvider } from './components/usage-provider/usage-provider.component.js';

export * from './components/usage-provider/usage-provider.component.js';

if (!customElements.get('ai-usage-provider')) customElements.define('ai-usage-provider', AiUsageProvider);

declare global {
  interface HTMLElementTagNameMap {
    'ai-usage-provider': AiUsageProvider;
  }
}
