/**
 * A host page served with the contract's strict Content-Security-Policy (0.2): no inline styles, and
 * no Trusted Types policy but lit's own `lit-html`. The pages come from test/support/strict-pages.ts
 * and load only the built bundle (dist/, built by `npm test` before the browser tests); the test
 * runner's own page cannot get a CSP header, so each page opens in a same-origin iframe, whose
 * document is what the policy applies to.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { bodyRows, byPart, shadow, text, uniqueTag } from './helpers.js';

interface StrictReport {
  violations: { directive: string; blockedURI: string; sample: string; source: string }[];
  errors: string[];
}

interface AxeResults {
  violations: { id: string; help: string; nodes: { target: unknown }[] }[];
}

/** The page's own axe-core (`?axe`): it checks the frame's document, where the policy applies. */
type StrictWindow = Window & { strictReport?: StrictReport; axe?: { run: (context: Element, options: object) => Promise<AxeResults> } };

const TAGS = ['ai-voice-usage', 'ai-messaging-usage', 'ai-usage-history', 'ai-licenses-usage'] as const;

const frames: HTMLIFrameElement[] = [];

afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

/** Opens `/strict/<policy>.html` in an iframe and resolves once it has loaded. */
async function openStrictPage(policy: 'contract' | 'allow-duplicates' | 'tt-none', query = ''): Promise<{ win: StrictWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.title = `strict host page (${policy})`;
  frame.width = '1280';
  frame.height = '900';
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/strict/${policy}.html${query}`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as StrictWindow;
  expect(win.strictReport, 'the page recorded what happened (its recorder script ran)').to.exist;
  return { win, doc: frame.contentDocument! };
}

const report = (win: StrictWindow) => win.strictReport!;

const describeReport = (r: StrictReport) => JSON.stringify(r, null, 1);

/** axe in the frame, on one element: no violation. */
async function expectAccessible(win: StrictWindow, el: Element): Promise<void> {
  const { violations } = await win.axe!.run(el, { resultTypes: ['violations'] });
  expect(
    violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`),
    `axe on ${el.localName}`,
  ).to.deep.equal([]);
}

/** Waits until every element on the page reflects `status="ready"` (or fails with what the page recorded). */
async function allReady(win: StrictWindow, doc: Document): Promise<void> {
  await waitUntil(
    () => TAGS.every((tag) => doc.querySelector(tag)?.getAttribute('status') === 'ready'),
    `not every element is ready: ${TAGS.map((tag) => `${tag}=${doc.querySelector(tag)?.getAttribute('status')}`).join(', ')}; ${describeReport(report(win))}`,
    { timeout: 8000 },
  );
}

/** The fill's share of its track, from what is laid out on screen. */
function shareShown(fill: Element): number {
  const track = fill.parentElement!;
  return fill.getBoundingClientRect().width / track.getBoundingClientRect().width;
}

describe('strict host page (CSP and Trusted Types)', () => {
  it('shows every element with its data and no violation when the page has the contract’s policy', async () => {
    const { win, doc } = await openStrictPage('contract', '?axe');
    await allReady(win, doc);
    for (const tag of TAGS) {
      const el = doc.querySelector(tag)!;
      const table = tag === 'ai-licenses-usage' ? shadow(el).querySelector('ai-voice-usage')! : el;
      if (tag !== 'ai-usage-history') expect(bodyRows(table).length, `${tag} rows`).to.be.greaterThan(0);
      expect(text(shadow(el) as unknown as Element), tag).not.to.match(/\bNaN\b|\bundefined\b|\bnull\b|\[object Object\]/);
    }
    expect(report(win).violations, describeReport(report(win))).to.deep.equal([]);
    expect(report(win).errors, describeReport(report(win))).to.deep.equal([]);
    for (const tag of TAGS) await expectAccessible(win, doc.querySelector(tag)!);
    expect(report(win).violations, 'after axe').to.deep.equal([]);
  });

  it('shows each engagement meter as wide as its share of new cases when the page has the contract’s policy', async () => {
    const { win, doc } = await openStrictPage('contract');
    await allReady(win, doc);
    const el = doc.querySelector('ai-messaging-usage') as HTMLElementTagNameMap['ai-messaging-usage'];
    const rows = bodyRows(el);
    const shares = el.visibleRows.map((r) => r.newCasesPercentWhenOpen);
    expect(rows).to.have.length(shares.length);
    expect(new Set(shares.filter((s) => s !== undefined && s > 0 && s < 100)).size, 'the demo data has partial shares').to.be.greaterThan(0);
    let checked = 0;
    rows.forEach((row, i) => {
      const fill = row.querySelector('.meter > span');
      const share = shares[i];
      if (!fill || share === undefined) return;
      expect(shareShown(fill), `row ${i + 1} (${text(row)}): ${share} %`).to.be.closeTo(share / 100, 0.02);
      checked++;
    });
    expect(checked, 'engagement meters checked').to.be.greaterThan(0);
    expect(report(win).violations, describeReport(report(win))).to.deep.equal([]);
  });

  it('shows the usage meter as wide as the share of the allowance used when the page has the contract’s policy', async () => {
    const { win, doc } = await openStrictPage('contract', '?axe');
    await allReady(win, doc);
    // The default organization is over its allowance (a full bar either way): 337.5 of 5,000 minutes is 6.75 %.
    const fixture = `/api/fixtures/${uniqueTag('strict-usage')}/`;
    const agents = await (await fetch('/api/ai-usage/voice/agents')).json();
    agents.agents = [{ ...agents.agents[0], billableMinutesThisMonth: 337.5 }];
    await fetch(`${fixture}voice/agents`, { method: 'PUT', body: JSON.stringify(agents) });
    await fetch(`${fixture}voice/plan`, { method: 'PUT', body: await (await fetch('/api/ai-usage/voice/plan')).text() });
    const el = doc.querySelector('ai-voice-usage') as HTMLElementTagNameMap['ai-voice-usage'];
    el.setAttribute('endpoint', fixture);
    await waitUntil(() => el.getAttribute('status') === 'ready' && bodyRows(el).length === 1, `the fixture's one agent is not shown (status ${el.getAttribute('status')})`, {
      timeout: 5000,
    });
    await el.openConfigureDialog('usage');
    const configure = shadow(el).querySelector('ai-voice-configure')!;
    await waitUntil(() => byPart(configure, 'usage-meter'), 'no usage meter shown', { timeout: 5000 });
    const meter = byPart(configure, 'usage-meter')!;
    const fill = meter.querySelector('.fill')!;
    const expected = Number(meter.getAttribute('aria-valuenow')) / Number(meter.getAttribute('aria-valuemax'));
    expect(expected).to.be.closeTo(0.0675, 0.0001);
    expect(shareShown(fill), `${meter.getAttribute('aria-valuetext')}`).to.be.closeTo(expected, 0.02);
    expect(report(win).violations, describeReport(report(win))).to.deep.equal([]);
    expect(report(win).errors, describeReport(report(win))).to.deep.equal([]);
    await expectAccessible(win, configure);
    expect(report(win).violations, 'after axe').to.deep.equal([]);
  });

  it('shows the elements with no violation when the bundle is loaded twice and the policy adds allow-duplicates', async () => {
    const { win, doc } = await openStrictPage('allow-duplicates', '?copies=2');
    expect(doc.querySelectorAll('script[type="module"]'), 'two copies of the bundle').to.have.length(2);
    await allReady(win, doc);
    expect(bodyRows(doc.querySelector('ai-voice-usage')!).length).to.be.greaterThan(0);
    expect(report(win).violations, describeReport(report(win))).to.deep.equal([]);
    expect(report(win).errors, describeReport(report(win))).to.deep.equal([]);
  });

  it('reports a trusted-types violation when a second copy loads without allow-duplicates (why hosts add it)', async () => {
    const { win } = await openStrictPage('contract', '?copies=2');
    await waitUntil(() => report(win).violations.length > 0, 'no violation reported', { timeout: 5000 });
    expect(report(win).violations.map((v) => v.directive)).to.include('trusted-types');
  });

  it('reports violations when the page allows no Trusted Types policy (proves the check can fail)', async () => {
    const { win } = await openStrictPage('tt-none');
    await waitUntil(() => report(win).violations.length > 0, 'no violation reported', { timeout: 5000 });
    expect(report(win).violations.map((v) => v.directive)).to.include('trusted-types');
  });
});
