/**
 * No minifier setting may change what users read (issue 9): every story of every stories file,
 * rendered once with the elements of the shipped bundle (dist/ai-usage-elements.bundle.js, built by
 * `npm run build`) and once with those of the same rollup build without its minifiers, reads the same:
 * the visible text through every shadow root, and the names and descriptions held in attributes.
 *
 * A document has one custom-element registry, so each build gets its own page, in an iframe
 * (test/support/bundle-variants.ts serves them; test/support/variant-frame.ts renders and reads there).
 * This page defines no element.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { Variant } from '../support/bundle-variants.js';
import type { VariantFrame } from '../support/variant-frame.js';

/** Opens the variant's page in an iframe and waits until it can render stories. */
async function openFrame(variant: Variant): Promise<VariantFrame> {
  const iframe = document.createElement('iframe');
  iframe.title = `Stories on the ${variant} bundle`;
  // One over the other, filling the viewport: both lay out alike and see the same part of the page
  // (long tables render only the rows in view).
  iframe.style.cssText = 'position: fixed; inset: 0; width: 100%; height: 100%; border: 0';
  iframe.src = `/__variants__/${variant}.html`;
  document.body.append(iframe);
  const win = () => iframe.contentWindow as (Window & typeof globalThis) | null;
  // The first request builds the unminified bundle: seconds, not a hang.
  await waitUntil(() => win()?.variantFrame, undefined, { timeout: 90_000, interval: 100 }).catch(() => {
    throw new Error(`the ${variant} page never got ready: ${win()?.frameProblems?.join('\n') || 'no error recorded'}`);
  });
  return win()!.variantFrame!;
}

/** Where two lines first differ, with a little context on either side. */
function around(minified: string, plain: string): string {
  let i = 0;
  while (i < minified.length && minified[i] === plain[i]) i++;
  const from = Math.max(0, i - 40);
  const excerpt = (s: string) => `“${from > 0 ? '…' : ''}${s.slice(from, i + 40)}${s.length > i + 40 ? '…' : ''}”`;
  return `the minified bundle reads ${excerpt(minified)}, the unminified build ${excerpt(plain)}`;
}

/** Fails with the lines that differ (what is left once the common start and end are cut off). */
function expectSameLines(what: string, minified: string[], plain: string[], hint: string): void {
  let start = 0;
  while (start < minified.length && start < plain.length && minified[start] === plain[start]) start++;
  let end = 0;
  while (end < minified.length - start && end < plain.length - start && minified[minified.length - 1 - end] === plain[plain.length - 1 - end]) end++;
  const onlyMinified = minified.slice(start, minified.length - end);
  const onlyPlain = plain.slice(start, plain.length - end);
  if (onlyMinified.length === 0 && onlyPlain.length === 0) return;
  const where = `${what}, line ${start + 1}: ${around(onlyMinified[0] ?? '', onlyPlain[0] ?? '')}`;
  expect(onlyMinified, `${where}${hint}`).to.deep.equal(onlyPlain);
}

const { files, stale } = (await (await fetch('/__variants__/stories.json')).json()) as { files: { file: string; names: string[] }[]; stale?: string };
const hint = stale ? ` (${stale})` : '';
const [minified, plain] = await Promise.all([openFrame('minified'), openFrame('plain')]);

describe('reading what a user reads', () => {
  const read = (markup: string) => plain.readMarkup(markup);

  it('tells a lost space apart, through shadow roots and slots', () => {
    expect(read('<p>free of charge <span>for <strong>14 days</strong></span></p>').text).to.deep.equal(['free of charge for 14 days']);
    expect(read('<p>free of charge<span>for <strong>14 days</strong></span></p>').text).to.deep.equal(['free of chargefor 14 days']);
    const host = (space: string) => `<p>free of charge<span><template shadowrootmode="open">${space}for <slot></slot></template><strong>14 days</strong></span></p>`;
    expect(read(host(' ')).text).to.deep.equal(['free of charge for 14 days']);
    expect(read(host('')).text).to.deep.equal(['free of chargefor 14 days']);
    expect(read('<p>Growth <span style="display: inline-block">Current plan</span></p>').text).to.deep.equal(['Growth Current plan']);
  });

  it('ignores whitespace the browser does not render, and what is not shown', () => {
    expect(read('<div>\n  <p>One</p>\n  <p>  Two\n  lines </p>\n</div><p hidden>Hidden</p>').text).to.deep.equal(['One', 'Two lines']);
    expect(read('<p>Growth<span style="display: block">Current plan</span></p>').text).to.deep.equal(['Growth', 'Current plan']);
  });

  it('reads names from attributes', () => {
    expect(read('<button aria-label="Sort by  name" title="Sort">A</button><input placeholder="Filter agents" />').names).to.deep.equal([
      '<button> aria-label: Sort by name',
      '<button> title: Sort',
      '<input> placeholder: Filter agents',
    ]);
  });
});

it('compares the stories of every stories file', () => {
  expect(files.map((f) => f.file)).to.include('stories/voice-configure.stories.ts');
  for (const { file, names } of files) expect(names, file).not.to.be.empty;
  // Each build defines the elements in its own page only.
  expect(customElements.get('ai-voice-usage'), 'an element defined in the test page').to.equal(undefined);
});

for (const { file, names } of files) {
  describe(`${file} on the minified bundle`, function () {
    // Slow-backend and time-out stories take seconds by design.
    this.timeout(60_000);
    let title = file;

    before(async function () {
      // Evaluating a stories file builds its stories' data (10,000 agents in one): not part of any story's time.
      this.timeout(300_000);
      const [shipped, source] = await Promise.all([minified.list(file), plain.list(file)]);
      expect(source.names, `the stories of ${file}`).to.have.members(names);
      expect(shipped.names, `the stories of ${file} on the minified bundle`).to.have.members(names);
      title = source.title;
    });

    for (const name of names) {
      it(`${name} reads as on the unminified build`, async () => {
        const [shipped, source] = await Promise.all([minified.read(file, name), plain.read(file, name)]);
        expect(source.problems, `${name} on the unminified build`).to.deep.equal([]);
        expect(shipped.problems, `${name} on the minified bundle`).to.deep.equal([]);
        expect(source.text, `${name} shows some text`).not.to.be.empty;
        expectSameLines(`${title} › ${name}: text`, shipped.text, source.text, hint);
        expectSameLines(`${title} › ${name}: names from attributes`, shipped.names, source.names, hint);
      });
    }
  });
}
