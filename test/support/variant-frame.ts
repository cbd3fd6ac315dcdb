/**
 * Runs in each page of test/support/bundle-variants.ts (one per build of the bundle): renders a story
 * the way test/browser/stories.test.ts does, waits until it has settled, and reads what a user reads.
 * The page's import map hands the stories' element imports to that page's build, so the elements are
 * the bundle's; the story templates render with the stories' own lit.
 */
// First, so the bundle's lit is the second copy and the development one never warns about it.
import { render, type TemplateResult } from 'lit';
import { withTheme } from '../../stories/support/theme.js';
import { dataElements, deepElements, shows, updatesDone } from './story-state.js';

export interface StoriesFile {
  file: string;
  title: string;
  names: string[];
}

/** What a user reads on a settled story. */
export interface Reading {
  /** The visible text, one line per block, whitespace collapsed as CSS renders it. */
  text: string[];
  /** Names and descriptions from attributes (`aria-label`, `title`, …) and SVG `<title>`. */
  names: string[];
  /** Errors, rejections and warnings on the page, and why the story did not settle. */
  problems: string[];
}

export interface VariantFrame {
  /** Evaluates a stories file (once) and names its stories. */
  list(file: string): Promise<StoriesFile>;
  /** Renders one story and reads it once it has settled. */
  read(file: string, name: string): Promise<Reading>;
  /** Reads fixed markup (declarative shadow roots allowed): the reader's own test. */
  readMarkup(markup: string): Omit<Reading, 'problems'>;
}

declare global {
  interface Window {
    variantFrame?: VariantFrame;
    frameProblems: string[];
  }
}

interface Story {
  args?: Record<string, unknown>;
  render?: (args: never) => unknown;
}

interface StoryModule {
  default: Story & { title: string };
  [name: string]: unknown;
}

await import(/* @vite-ignore */ document.documentElement.dataset.bundle!);

const modules = new Map<string, Promise<StoryModule>>();
const load = (file: string) => {
  if (!modules.has(file)) modules.set(file, import(/* @vite-ignore */ `/${file}`) as Promise<StoryModule>);
  return modules.get(file)!;
};

// ---- When a story has settled: the predicate of test/support/story-state.ts, plus open dialogs. ----

/** Stories named loading stay loading; every other one (slow ones too) ends with content. */
const expectation = (name: string) => (name.split(/(?=[A-Z])/).some((w) => w.toLowerCase() === 'loading') ? 'loading' : 'content');

function settled(root: Element, name: string, args: Record<string, unknown>): boolean {
  const want = expectation(name);
  if (!dataElements(root).every((el) => shows(el) === want)) return false;
  const dialogs = deepElements(root, (el) => el.localName === 'dialog' && el.hasAttribute('open'));
  if (args.openDialog && dialogs.length === 0) return false;
  return dialogs.every((d) => (want === 'loading') === !!d.querySelector('[aria-busy="true"]') && !d.querySelector('.spinner'));
}

// ---- Reading: the composed tree (shadow roots, slots), laid out as CSS lays it out. ----

const NAME_ATTRIBUTES = ['aria-label', 'aria-valuetext', 'title', 'placeholder', 'alt'];
const UNRENDERED = new Set(['style', 'script', 'template', 'noscript']);
const collapse = (s: string) => s.replace(/[ \t\n\r\f]+/g, ' ');

/** `content` of a pseudo-element, when it generates text. */
function generated(el: Element, pseudo: '::before' | '::after'): string {
  const style = getComputedStyle(el, pseudo);
  if (style.display === 'none' || style.content === 'none' || style.content === 'normal') return '';
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(style.content);
  return quoted ? quoted[1]!.replace(/\\(.)/g, '$1') : style.content;
}

type Screen = Omit<Reading, 'problems'>;

function readScreen(root: Element): Screen {
  const text: string[] = [];
  const names: string[] = [];
  let line = '';
  const endLine = () => {
    const done = line.replace(/ {2,}/g, ' ').trim();
    if (done) text.push(done);
    line = '';
  };
  const visit = (node: Node, preserve: boolean): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      if (!preserve) line += collapse(data);
      else
        data.split('\n').forEach((part, i) => {
          if (i > 0) endLine();
          line += part;
        });
      return;
    }
    if (!(node instanceof Element) || UNRENDERED.has(node.localName)) return;
    // An SVG's <title> is its name, not text on screen.
    if (node instanceof SVGTitleElement) return void names.push(`<svg> title: ${collapse(node.textContent ?? '').trim()}`);
    const style = getComputedStyle(node);
    if (style.display === 'none') return;
    for (const attribute of NAME_ATTRIBUTES) {
      const value = node.getAttribute(attribute);
      if (value !== null) names.push(`<${node.localName}> ${attribute}: ${collapse(value).trim()}`);
    }
    if (node.localName === 'br') return endLine();
    const block = !style.display.startsWith('inline') && style.display !== 'contents';
    const keep = /^(pre|pre-wrap|break-spaces|pre-line)$/.test(style.whiteSpace);
    if (block) endLine();
    line += generated(node, '::before');
    const slotted = node instanceof HTMLSlotElement ? node.assignedNodes({ flatten: true }) : [];
    const children = node.shadowRoot ? node.shadowRoot.childNodes : slotted.length ? slotted : node.childNodes;
    for (const child of children) visit(child, keep);
    line += generated(node, '::after');
    if (block) endLine();
  };
  visit(root, false);
  endLine();
  return { text, names };
}

// ---- Rendering a story until it reads the same twice in a row. ----

/** Why a story is not settled: what its data elements and dialogs show. */
function waiting(root: Element): string {
  const data = dataElements(root).map((el) => `<${el.localName} status=${el.getAttribute('status')}> shows ${shows(el)}`);
  const open = deepElements(root, (el) => el.localName === 'dialog' && el.hasAttribute('open'));
  const dialogs = open.map(
    (d) =>
      `a dialog: “${collapse(d.textContent ?? '')
        .trim()
        .slice(0, 100)}”`,
  );
  return [...data, ...dialogs].join('; ') || 'nothing rendered';
}

/** What changed between two readings `STEP_MS` apart. */
function changing(before: Screen, after: Screen): string {
  const lines = (r: Screen) => [...r.text, ...r.names];
  const [a, b] = [lines(before), lines(after)];
  const i = a.findIndex((line, n) => line !== b[n]);
  return i === -1 ? `it keeps changing (${a.length} lines, then ${b.length})` : `it keeps changing: “${a[i]}” became “${b[i] ?? ''}”`;
}

const STEP_MS = 80;
const LIMIT_MS = 20_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Renders the story and reads it once it has settled and two readings `STEP_MS` apart agree. */
async function read(file: string, name: string): Promise<Reading> {
  const earlier = window.frameProblems.splice(0).map((p) => `before this story: ${p}`);
  const mod = await load(file);
  const story = mod[name] as Story;
  const args = { ...mod.default.args, ...story.args };
  const renderStory = story.render ?? mod.default.render;
  if (!renderStory) throw new Error(`${name} has no render function`);
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  render(withTheme(() => renderStory(args as never), 'light') as TemplateResult, container);
  const started = performance.now();
  const problems = () => [...earlier, ...window.frameProblems.splice(0)];
  let previous: Screen | undefined;
  let unsettled = '';
  for (;;) {
    await updatesDone(container);
    const ready = settled(container, name, args);
    const reading = readScreen(container);
    if (ready && previous && JSON.stringify(reading) === JSON.stringify(previous)) return { ...reading, problems: problems() };
    if (!ready) unsettled = waiting(container);
    if (performance.now() - started > LIMIT_MS) {
      const why = ready && previous ? changing(previous, reading) : `last seen unsettled: ${unsettled}`;
      return { ...reading, problems: [...problems(), `not settled after ${LIMIT_MS / 1000} s: ${why}`] };
    }
    previous = ready ? reading : undefined;
    await pause(STEP_MS);
  }
}

async function list(file: string): Promise<StoriesFile> {
  const mod = await load(file);
  return { file, title: mod.default.title, names: Object.keys(mod).filter((name) => name !== 'default') };
}

function readMarkup(markup: string): Screen {
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  container.setHTMLUnsafe(markup);
  return readScreen(container);
}

window.variantFrame = { list, read, readMarkup };
