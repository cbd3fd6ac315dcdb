/*
 * A provider rendered by a framework before it is defined: its data source became the attribute
 * datasource="[object Object]", and every element inside says "No data source". The provider says
 * why, once (a page of its own, as the warning is once per page).
 */
import { expect } from '@open-wc/testing';

describe('a provider defined after a framework rendered it', () => {
  it('warns once with the cause and the fix', async () => {
    const warnings: string[] = [];
    const originalWarn = console.warn;
    console.warn = (...args: unknown[]) => void (/Lit is in dev mode/.test(String(args[0])) || warnings.push(args.map(String).join(' ')));
    try {
      const provider = document.createElement('ai-usage-provider');
      provider.setAttribute('dataSource', String({}));
      provider.append(document.createElement('ai-voice-usage'));
      document.body.append(provider);
      await import('../../src/index.js');
      const inner = provider.querySelector('ai-voice-usage')!;
      await inner.updateComplete;
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('<ai-usage-provider> has the attribute datasource="[object Object]"');
      expect(warnings[0]).to.contain("import 'ai-usage-elements/usage-provider.js'");
      expect(inner.status).to.equal('unconfigured');
      await expect(provider).to.be.accessible();
      provider.remove();
    } finally {
      console.warn = originalWarn;
    }
  });
});
