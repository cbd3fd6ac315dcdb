/*
 * Vue binds `:data-source="source"` (kebab case) as the attribute data-source="[object Object]",
 * even on a defined element: the element says how to bind it, once per page (a page of its own, as
 * the warning is once per page).
 */
import { expect } from '@open-wc/testing';
import '../../src/voice-usage.js';

describe('a data source bound in kebab case', () => {
  it('warns once with the fix, and shows "No data source"', async () => {
    const warnings: string[] = [];
    const originalWarn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      const els = [0, 1].map(() => {
        const el = document.createElement('ai-voice-usage');
        el.setAttribute('data-source', String({}));
        document.body.append(el);
        return el;
      });
      for (const el of els) await el.updateComplete;
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('<ai-voice-usage> has the attribute data-source="[object Object]"');
      expect(warnings[0]).to.contain('bind it in camel case (:dataSource)');
      expect(els[0]!.status).to.equal('unconfigured');
      await expect(els[0]).to.be.accessible();
      for (const el of els) el.remove();
    } finally {
      console.warn = originalWarn;
    }
  });
});
