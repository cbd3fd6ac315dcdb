// The catalogue check (`npm run i18n`, the first step of `npm test`), after
// `lit-localize extract` has brought xliff/*.xlf in line with the source:
//   1. every message in the source has a translation in every catalogue (a <target> in each
//      trans-unit), and
//   2. no user-visible English is written outside `msg()`: text and accessible attributes in html`` and svg``
//      templates, and prose-like strings anywhere in src/ (see `looksLikeProse`).
// A string that is deliberately not translated (a message for developers, a unit) carries an
// `// i18n-ignore: <why>` comment on its line or the line before.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
const problems = [];

// 1. Complete catalogues.
for (const locale of config.targetLocales) {
  const file = join(root, config.interchange.xliffDir, `${locale}.xlf`);
  const xml = readFileSync(file, 'utf8');
  for (const [, id, body] of xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)) {
    const target = /<target>([\s\S]*?)<\/target>/.exec(body);
    const source = /<source>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? '';
    if (!target || !target[1].trim()) problems.push(`${relative(root, file)}: ${id} has no ${locale} translation: ${source}`);
    else {
      // Every value the source shows, the translation shows (in any order), and no other.
      const values = (/** @type {string} */ xml) =>
        [...xml.matchAll(/<x id="([^"]+)"/g)]
          .map((m) => m[1])
          .sort()
          .join(',');
      if (values(source) !== values(target[1]))
        problems.push(`${relative(root, file)}: ${id}: the ${locale} translation's placeholders differ from the source's: ${source} → ${target[1]}`);
    }
  }
}

// 2. English outside msg().
/** Attributes whose values people read or hear. */
const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder', 'title', 'placeholder', 'alt', 'label']);

/** A string that reads as words to a person, rather than a class list, a key, a unit or a format. */
/** @param {string} text */
export function looksLikeProse(text) {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!/[A-Za-z]{3,}/.test(t) || /^[.#[:]/.test(t)) return false; // selectors too
  if (/^[a-z0-9]+([-_/.:|][a-z0-9]+)*( [a-z0-9]+([-_/][a-z0-9]+)*)*$/.test(t) && !/ (a|an|the|of|to|in|is|and|or|for|not|no|on)( |$)/.test(t)) return false; // class lists, part names, keys
  if (/^[a-z]+([A-Z][a-z0-9]*)+$/.test(t)) return false; // camelCase keys
  if (/^[A-Z][a-z0-9]+([A-Z][a-z0-9]*)+$/.test(t)) return false; // PascalCase names (classes, display names)
  if (/^[A-Z][A-Z0-9_]*$/.test(t)) return false; // CONSTANTS, HTTP methods
  return /^[A-Z][a-z]/.test(t) || / [a-z]{2,}/.test(t) || /[a-z][.!?…:]$/.test(t);
}

/** @param {ts.SourceFile} sourceFile @param {ts.Node} node */
function ignored(sourceFile, node) {
  const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line;
  const lines = sourceFile.text.split('\n');
  return /i18n-ignore/.test(lines[line] ?? '') || /i18n-ignore/.test(lines[line - 1] ?? '');
}

/** @param {ts.CallExpression | ts.NewExpression} call @returns {string} */
function calleeName(call) {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return `${ts.isIdentifier(e.expression) ? e.expression.text : '?'}.${e.name.text}`;
  if (ts.isNewExpression(call) && ts.isIdentifier(call.expression)) return call.expression.text;
  return '';
}

/** Inside msg(), css``, console.*, an Error for developers, or a type/import position: not user-visible English. */
/** @param {ts.Node} node */
function exempt(node) {
  for (let p = node.parent; p; p = p.parent) {
    if (ts.isCallExpression(p) && /^(msg|console\.\w+)$/.test(calleeName(p))) return true;
    if (ts.isNewExpression(p) && /^(Error|TypeError|RangeError|DOMException)$/.test(calleeName(p))) return true;
    if (ts.isTaggedTemplateExpression(p) && ts.isIdentifier(p.tag) && /^(css|str)$/.test(p.tag.text)) return true;
    if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isTypeNode(p) || ts.isLiteralTypeNode(p)) return true;
    if (ts.isPropertyAssignment(p) && p.name === node) return true;
    if (ts.isBinaryExpression(p) && /==/.test(p.operatorToken.getText())) return true;
  }
  return false;
}

/** The text a person sees in an html`` template's static parts, and the read attributes' static values. */
/** @param {ts.TaggedTemplateExpression} template */
function templateText(template) {
  const parts = ts.isNoSubstitutionTemplateLiteral(template.template)
    ? [template.template.rawText ?? '']
    : [template.template.head.rawText ?? '', ...template.template.templateSpans.map((/** @type {ts.TemplateSpan} */ s) => s.literal.rawText ?? '')];
  const found = [];
  let inTag = false;
  let text = '';
  let tagSource = '';
  const flushText = () => {
    const t = text.replace(/&[a-z]+;|&#\d+;/g, ' ');
    if (/[A-Za-z]{2,}/.test(t)) found.push(t.trim());
    text = '';
  };
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const c = part[i];
      if (!inTag && c === '<') {
        flushText();
        inTag = true;
        tagSource = '';
      } else if (inTag && c === '>') {
        inTag = false;
        // Quoted either way or not at all; the read attributes, and any aria-* whose value reads as words.
        for (const [, name, dq, sq, bare] of tagSource.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`\uFFFC]+))/g)) {
          const value = (dq ?? sq ?? bare ?? '').replace(/\uFFFC/g, ' ');
          if ((READ_ATTRIBUTES.has(name) && /[A-Za-z]{2,}/.test(value)) || (name.startsWith('aria-') && looksLikeProse(value))) found.push(`${name}="${value}"`);
        }
      } else if (inTag) tagSource += c;
      else text += c;
    }
    if (!inTag) flushText();
    tagSource += '\uFFFC'; // an expression
  }
  flushText();
  return found;
}

/** @param {string} dir @returns {string[]} */
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}

const SKIP = [/src\/i18n\/locales\//, /src\/model\/demo-dataset\.ts$/, /src\/demo-data\.ts$/, /\.styles\.ts$/];
for (const file of walk(join(root, 'src')).filter((/** @type {string} */ f) => f.endsWith('.ts') && !SKIP.some((re) => re.test(f)))) {
  const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const report = (/** @type {ts.Node} */ node, /** @type {string} */ what) => {
    if (ignored(sourceFile, node)) return;
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    problems.push(`${relative(root, file)}:${line + 1}: English outside msg(): ${what}`);
  };
  const visit = (/** @type {ts.Node} */ node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && /^(html|svg)$/.test(node.tag.text) && !exempt(node)) {
      for (const text of templateText(node)) report(node, JSON.stringify(text));
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !ts.isTaggedTemplateExpression(node.parent)) {
      if (looksLikeProse(node.text) && !exempt(node)) report(node, JSON.stringify(node.text));
    } else if (ts.isTemplateExpression(node) && !ts.isTaggedTemplateExpression(node.parent)) {
      const text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
      if (looksLikeProse(text) && !exempt(node)) report(node, JSON.stringify(node.getText(sourceFile).slice(0, 90)));
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
}

if (problems.length) {
  console.error(`${problems.length} i18n problem(s):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`i18n: ${config.targetLocales.join(', ')} catalogues complete; no English outside msg() in src/.`);
