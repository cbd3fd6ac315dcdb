// Host-framework types from custom-elements.json, written at build time after the manifest:
//
//   dist/jsx.d.ts     React 19: `JSX.IntrinsicElements` (`ai-usage-elements/jsx`)
//   dist/vue.d.ts     Vue 3: `GlobalComponents`, for `vue-tsc` / Volar (`ai-usage-elements/vue`)
//   dist/svelte.d.ts  Svelte 5: `SvelteHTMLElements` (`ai-usage-elements/svelte`)
//
// each beside an empty module (`dist/jsx.js`, …), so that `import 'ai-usage-elements/jsx'` also
// works in code a bundler reads. Each element gets its settable public properties (typed from the
// element class itself, `AiVoiceUsage['sort']`, so the types cannot drift from the code), its
// attributes that no property of the same name covers (kebab-case, strings; the literal values where
// the manifest lists them), and its events, typed `CustomEvent<Detail>` as the manifest types them
// from src/events.ts. test/types/ checks the output with each framework's own types;
// test/unit/framework-types.test.ts checks that nothing of the manifest is left out.
//
// Usage: node scripts/framework-types.js [manifest] [outdir]   (defaults: custom-elements.json dist)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The part of the manifest (schema 2.x) this script reads.
 * @typedef {{ text: string }} TypeText
 * @typedef {{ kind: string; name: string; static?: boolean; readonly?: boolean; privacy?: string; type?: TypeText; description?: string; attribute?: string }} ManifestMember
 * @typedef {{ name: string; fieldName?: string; type?: TypeText; description?: string }} ManifestAttribute
 * @typedef {{ name: string; type?: TypeText; description?: string }} ManifestEvent
 * @typedef {{ kind: string; name: string; tagName?: string; summary?: string; description?: string; members?: ManifestMember[]; attributes?: ManifestAttribute[]; events?: ManifestEvent[] }} ManifestDeclaration
 * @typedef {{ path: string; declarations?: ManifestDeclaration[] }} ManifestModule
 * @typedef {{ modules: ManifestModule[] }} Manifest
 */

/**
 * What the generated types say about one element.
 * @typedef {{ name: string; description: string }} Doc
 * @typedef {Doc & { type: string }} Typed
 * @typedef {{
 *   tag: string;
 *   className: string;
 *   module: string;
 *   summary: string;
 *   properties: Typed[];
 *   attributes: Typed[];
 *   events: (Typed & { detail: string })[];
 * }} ElementTypes
 */

/** The element's read-only state, documented as such: a host reads it, never sets it. */
const READ_ONLY = /^read-only\b/i;

/** `CustomEvent<SortChangeDetail>`: the only event type the manifest writes (src/events.ts). */
const CUSTOM_EVENT = /^CustomEvent<([A-Za-z_$][\w$]*)>$/;

/** A union of string literals, perhaps with `undefined`: `'voice' | 'messaging'`. */
const LITERALS = /^'[^']*'(?:\s*\|\s*(?:'[^']*'|undefined))*$/;

/** `ai-sort-change` → `AiSortChange` (React event props are `on` + this). */
export const pascal = (/** @type {string} */ name) => name.replace(/(?:^|-)([a-z0-9])/g, (_, c) => c.toUpperCase());

/**
 * Every element of the manifest, with what a host template may set and listen to.
 * @param {Manifest} manifest
 * @returns {ElementTypes[]}
 */
export function readElements(manifest) {
  /** @type {ElementTypes[]} */
  const elements = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.tagName) continue;
      const { tagName: tag, name: className } = declaration;
      const where = `custom-elements.json: <${tag}>`;
      if (!/^dist\/[\w-]+\.js$/.test(module.path)) throw new Error(`${where} is published from ${module.path}, not a dist/<name>.js module.`);

      const settable = (declaration.members ?? []).filter(
        // Not `on…` callbacks (`onTrialChange`): React, Vue and Svelte turn an `on…` prop in a template into an event listener, never the property.
        (m) => m.kind === 'field' && !m.static && !m.readonly && (m.privacy ?? 'public') === 'public' && !READ_ONLY.test(m.description ?? '') && !/^on[A-Z]/.test(m.name),
      );
      const properties = settable.map((m) => ({ name: m.name, description: m.description ?? '', type: `${className}['${m.name}']` }));
      const names = new Set(properties.map((p) => p.name));
      const readOnly = new Set((declaration.members ?? []).filter((m) => !settable.includes(m)).map((m) => m.name));

      const attributes = (declaration.attributes ?? [])
        .filter((a) => !names.has(a.name) && !(a.fieldName && readOnly.has(a.fieldName)))
        .map((a) => {
          const text = (a.type?.text ?? '').trim();
          const literals = LITERALS.test(text)
            ? text
                .split('|')
                .map((t) => t.trim())
                .filter((t) => t !== 'undefined')
            : [];
          const description = a.description ?? '';
          return { name: a.name, description, type: literals.length ? literals.join(' | ') : 'string' };
        });

      const events = (declaration.events ?? []).map((e) => {
        const match = CUSTOM_EVENT.exec(e.type?.text ?? '');
        if (!match) throw new Error(`${where} fires "${e.name}" typed "${e.type?.text ?? ''}"; expected CustomEvent<Detail> with Detail from src/events.ts.`);
        return { name: e.name, description: e.description ?? '', type: `CustomEvent<${match[1]}>`, detail: match[1] };
      });

      elements.push({
        tag,
        className,
        module: `./${path.posix.basename(module.path)}`,
        summary: declaration.summary ?? declaration.description?.split('\n')[0] ?? '',
        properties,
        attributes,
        events,
      });
    }
  }
  if (elements.length === 0) throw new Error('custom-elements.json lists no elements: run `npm run manifest` first.');
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

/** A JSDoc comment, indented; none for an empty text. */
const doc = (/** @type {string} */ text, /** @type {string} */ indent) => {
  const lines = text.trim().replace(/\*\//g, '*\\/').split('\n');
  if (!lines[0]) return '';
  return lines.length === 1 ? `${indent}/** ${lines[0]} */\n` : `${indent}/**\n${lines.map((l) => `${indent} * ${l}`.trimEnd()).join('\n')}\n${indent} */\n`;
};

const quote = (/** @type {string} */ name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);

/** The header and imports every file shares: element classes and detail types from the package itself. */
function imports(/** @type {ElementTypes[]} */ elements, /** @type {string} */ framework) {
  const details = [...new Set(elements.flatMap((e) => e.events.map((ev) => ev.detail)))].sort();
  return [
    `// ${framework} types for the ai-usage-elements tags. Generated from custom-elements.json by`,
    '// scripts/framework-types.js at build time: do not edit.',
    ...elements.map((e) => `import type { ${e.className} } from '${e.module}';`),
    `import type { ${details.join(', ')} } from './events.js';`,
  ].join('\n');
}

/**
 * Properties (and, unless left out, attributes) of one element as interface members.
 * @param {ElementTypes} element
 * @param {string} indent
 * @param {{ attributes?: boolean }} [options]
 */
function propsMembers(element, indent, { attributes = true } = {}) {
  const props = element.properties.map((p) => `${doc(p.description, indent)}${indent}${quote(p.name)}?: ${p.type};`);
  const attrs = element.attributes.map((a) => `${doc(`Attribute. ${a.description}`, indent)}${indent}${quote(a.name)}?: ${a.type};`);
  return attributes ? [...props, ...attrs] : props;
}

/** `'onai-sort-change'?: (event: CustomEvent<SortChangeDetail>) => void;`: React 19 and Svelte 5 listen to `on` + the event name. */
function handlerMembers(/** @type {ElementTypes} */ element, /** @type {string} */ indent) {
  return element.events.map((e) => `${doc(e.description, indent)}${indent}'on${e.name}'?: (event: ${e.type}) => void;`);
}

/** The names an element's own members take, which the framework's HTML attributes must give up. */
const ownNames = (/** @type {ElementTypes} */ e) => [...e.properties, ...e.attributes].map((m) => `'${m.name}'`).join(' | ') || 'never';

/**
 * dist/jsx.d.ts: React 19 sets a prop as a property when the element has it (`prop in element`),
 * else as an attribute, and `onai-load={fn}` listens to `ai-load`.
 * @param {ElementTypes[]} elements
 */
export function jsxTypes(elements) {
  const interfaces = elements.map((e) =>
    [
      `${doc(`\`<${e.tag}>\` in JSX. ${e.summary}`, '')}export interface ${e.className}JsxProps extends ElementJsxProps<${e.className}, ${ownNames(e)}> {`,
      ...propsMembers(e, '  '),
      ...handlerMembers(e, '  '),
      '}',
    ].join('\n'),
  );
  return `${imports(elements, 'React 19 JSX')}
import type * as React from 'react';

/** What every tag takes: React's HTML props (\`ref\`, \`key\`, \`children\`, \`className\`, \`style\`, \`slot\`, \`id\`, \`aria-*\`, …) and \`class\`. */
export type ElementJsxProps<E extends HTMLElement, Own extends PropertyKey> = Omit<React.DetailedHTMLProps<React.HTMLAttributes<E>, E>, Own> & {
  /** The \`class\` attribute (React 19 passes it through on custom elements, as it does \`className\`). */
  class?: string;
};

${interfaces.join('\n\n')}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${elements.map((e) => `      '${e.tag}': ${e.className}JsxProps;`).join('\n')}
    }
  }
}
`;
}

/**
 * dist/vue.d.ts: the pattern of Vue's guide for non-Vue custom elements: a constructor whose instance
 * has the element's `$props` and `$emit`, registered in `GlobalComponents`, which `vue-tsc` reads for
 * `:sort="…"`, `sort="…"` and `@ai-sort-change="…"` in templates (`strictTemplates` rejects unknown
 * ones). `vue-tsc` takes `time-zone` for `timeZone`, so the props are the properties alone.
 * @param {ElementTypes[]} elements
 */
export function vueTypes(elements) {
  const interfaces = elements.map((e) =>
    [
      `${doc(`\`<${e.tag}>\`: what a Vue template may set. ${e.summary}`, '')}export interface ${e.className}VueProps {`,
      ...propsMembers(e, '  ', { attributes: false }),
      '}',
      '',
      `${doc(`\`<${e.tag}>\`: its events, for \`@ai-…\` listeners in Vue templates.`, '')}export interface ${e.className}VueEvents {`,
      ...e.events.map((ev) => `${doc(ev.description, '  ')}  '${ev.name}': ${ev.type};`),
      '}',
    ].join('\n'),
  );
  return `${imports(elements, 'Vue 3')}
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';

/**
 * A custom element as Vue's template type checker sees a component: \`$props\` (the element's own
 * props, Vue's HTML attributes and \`key\`/\`ref\`/\`class\`/\`style\`) and \`$emit\` (its events).
 * Both exist for type checking only. The checker takes \`:data-source\` for \`dataSource\`, but Vue
 * sets a name the element lacks as an attribute: bind objects in camelCase, \`:dataSource="source"\`.
 */
export type VueCustomElement<E extends HTMLElement, Props, Events> = new () => E & {
  /** @deprecated For template type checking only: not a property of the element. */
  $props: Omit<HTMLAttributes, keyof Props> & Props & PublicProps;
  /** @deprecated For template type checking only: not a method of the element. */
  $emit: EmitFn<{ [K in keyof Events]: (event: Events[K]) => void }>;
};

${interfaces.join('\n\n')}

declare module 'vue' {
  interface GlobalComponents {
${elements.map((e) => `    '${e.tag}': VueCustomElement<${e.className}, ${e.className}VueProps, ${e.className}VueEvents>;`).join('\n')}
  }

  /** The standard \`slot\` attribute, missing from Vue's HTML types: it puts a child in a named slot of an element (\`<button slot="actions">\`). */
  interface HTMLAttributes {
    slot?: string;
  }
}
`;
}

/**
 * dist/svelte.d.ts: Svelte 5 sets a prop as a property when the element has it, and `onai-load={fn}`
 * listens to `ai-load`.
 * @param {ElementTypes[]} elements
 */
export function svelteTypes(elements) {
  const interfaces = elements.map((e) =>
    [
      `${doc(`\`<${e.tag}>\` in Svelte markup. ${e.summary}`, '')}export interface ${e.className}SvelteProps extends Omit<HTMLAttributes<${e.className}>, ${ownNames(e)}> {`,
      ...propsMembers(e, '  '),
      ...handlerMembers(e, '  '),
      '}',
    ].join('\n'),
  );
  return `${imports(elements, 'Svelte 5')}
import type { HTMLAttributes } from 'svelte/elements';

${interfaces.join('\n\n')}

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
${elements.map((e) => `    '${e.tag}': ${e.className}SvelteProps;`).join('\n')}
  }
}
`;
}

/**
 * Writes the three declaration files (and their empty modules) into `outdir`.
 * @param {string} manifestPath
 * @param {string} outdir
 * @returns {string[]} the files written
 */
export function writeFrameworkTypes(manifestPath = 'custom-elements.json', outdir = 'dist') {
  const elements = readElements(JSON.parse(readFileSync(manifestPath, 'utf8')));
  mkdirSync(outdir, { recursive: true });
  /** @type {string[]} */
  const written = [];
  for (const [name, text] of /** @type {const} */ ([
    ['jsx', jsxTypes(elements)],
    ['vue', vueTypes(elements)],
    ['svelte', svelteTypes(elements)],
  ])) {
    const types = path.join(outdir, `${name}.d.ts`);
    const module = path.join(outdir, `${name}.js`);
    writeFileSync(types, text);
    writeFileSync(module, `// Types only: see ${name}.d.ts.\nexport {};\n`);
    written.push(types, module);
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [manifestPath, outdir] = process.argv.slice(2);
  try {
    const written = writeFrameworkTypes(manifestPath, outdir);
    console.log(`framework types: ${written.filter((f) => f.endsWith('.d.ts')).join(', ')}`);
  } catch (error) {
    console.error(`scripts/framework-types.js: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
