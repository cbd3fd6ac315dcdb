/**
 * `ai-usage-elements/react` is tree-shakable: a host that imports one component gets that element
 * (and those it renders), not the others. Bundled with esbuild as a host's bundler would, with
 * React and lit left out; runs after `npm run build`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build } from 'esbuild';

async function hostBundle(names: string[]): Promise<string> {
  const result = await build({
    stdin: { contents: `import { ${names.join(', ')} } from './dist/react.js';\nconsole.log(${names.join(', ')});`, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    external: ['react', 'lit', 'lit/*', '@lit/*'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

const defines = (code: string) =>
  new Set(
    ['ai-usage-provider', 'ai-voice-usage', 'ai-voice-configure', 'ai-messaging-usage', 'ai-usage-history', 'ai-usage-calls', 'ai-licenses-usage'].filter((tag) =>
      code.includes(`"${tag}"`),
    ),
  );

describe('ai-usage-elements/react', () => {
  it('brings only the elements of the components a host imports', async () => {
    assert.deepEqual([...defines(await hostBundle(['AiUsageCalls']))].sort(), ['ai-usage-calls', 'ai-usage-provider']);
    assert.deepEqual([...defines(await hostBundle(['AiMessagingUsage']))].sort(), ['ai-messaging-usage', 'ai-usage-provider']);
    const voice = await hostBundle(['AiVoiceUsage']);
    assert.deepEqual([...defines(voice)].sort(), ['ai-usage-provider', 'ai-voice-configure', 'ai-voice-usage']);
    assert.doesNotMatch(voice, /class AiUsageHistory\b/);
  });

  it('brings every element for the component that renders them all', async () => {
    assert.equal(defines(await hostBundle(['AiLicensesUsage'])).size, 7);
  });
});
