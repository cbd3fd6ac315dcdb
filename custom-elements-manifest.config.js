/**
 * custom-elements.json: the published API of every element, for IDEs, Storybook and the docs.
 *
 * The analyzer reads the components' JSDoc (@summary, @tag, @fires, @slot, @csspart, @cssprop) and
 * their lit `@property` declarations. On top of that, the `ai-usage-public-api` plugin below:
 *
 * - resolves inheritance: the element base classes (`src/core/`) are analyzed too, so every element
 *   lists the attributes, properties and events it inherits, with types; a base class the globs do
 *   not reach makes the run fail instead of silently dropping its API;
 * - fills in types the source leaves to inference (`readonly configure = new X()`, getters without
 *   a return type, members typed with the base class's type parameters, e.g. `readonly R[]`), with
 *   the type checker, as seen from the element;
 * - types every event from `src/events.ts` (`GlobalEventHandlersEventMap`, one entry per public
 *   event) and fails on an event that is not there, so an undocumented event cannot slip in;
 * - publishes each element from its define file, `dist/<tag without "ai-">.js`, the module a host
 *   imports, and drops the unpublished `src/` modules once their API has been copied into the
 *   elements; private, protected and `_`-prefixed members are not part of the public API.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The events every element may fire: `GlobalEventHandlersEventMap` in this file. */
const EVENTS_FILE = 'src/events.ts';

/** Define files: `src/<name>.ts`, built to `dist/<name>.js` (rollup.config.js `entries`). */
const DEFINE_FILE = /^src\/([^/]+)\.ts$/;

/** Lifecycle and framework members every custom element has: not this package's API. */
const NOT_API = new Set(['connectedCallback', 'disconnectedCallback', 'attributeChangedCallback', 'adoptedCallback', 'styles', 'properties', 'shadowRootOptions', 'elementStyles']);

/**
 * The manifest we write (schema 2.x, as `custom-elements-manifest` in devDependencies validates it):
 * @typedef {import('custom-elements-manifest/schema').Package} Package
 * @typedef {import('custom-elements-manifest/schema').JavaScriptModule} JavaScriptModule
 * @typedef {import('custom-elements-manifest/schema').Reference} Reference
 * @typedef {import('custom-elements-manifest/schema').CustomElementDeclaration & import('custom-elements-manifest/schema').ClassDeclaration} ClassDoc
 * The analyzer's plugin API, with the TypeScript it bundles (which may not be the project's):
 * @typedef {import('@custom-elements-manifest/analyzer').Plugin} Plugin
 * @typedef {import('@custom-elements-manifest/analyzer').InitializeParams['ts']} TS
 * @typedef {import('@custom-elements-manifest/analyzer').AnalyzePhaseParams['node']} Node
 * @typedef {ReturnType<TS['createProgram']>} Program
 * @typedef {ReturnType<Program['getTypeChecker']>} TypeChecker
 * @typedef {ReturnType<TypeChecker['getTypeAtLocation']>} Type
 * @typedef {NonNullable<ReturnType<TypeChecker['getSymbolAtLocation']>>} TsSymbol
 */

/**
 * `GlobalEventHandlersEventMap` in `src/events.ts`, read with the compiler API: event name → type text.
 * @param {TS} ts
 * @returns {Map<string, string>}
 */
function readEventTypes(ts) {
  const source = ts.createSourceFile(EVENTS_FILE, readFileSync(EVENTS_FILE, 'utf8'), ts.ScriptTarget.Latest, true);
  /** @type {Map<string, string>} */
  const events = new Map();
  /** @param {Node} node */
  const visit = (node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'GlobalEventHandlersEventMap') {
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) || !member.type) continue;
        const name = ts.isStringLiteral(member.name) || ts.isIdentifier(member.name) ? member.name.text : undefined;
        if (name) events.set(name, member.type.getText(source));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (events.size === 0) {
    throw new Error(`${EVENTS_FILE}: found no GlobalEventHandlersEventMap entries; the manifest types every event from them.`);
  }
  return events;
}

/**
 * The files the analyzer reads (absolute), set by `overrideModuleCreation` on every run (also in
 * `--watch`), and the type-checked program over them, built on first use in that run.
 * @type {{ files: string[]; program: Program | undefined }}
 */
const analyzed = { files: [], program: undefined };

/** @param {string | undefined} modulePath */
const isSourcePath = (modulePath) => !!modulePath && /^\/?src\//.test(modulePath);

/** @param {{ name: string; privacy?: string; static?: boolean }} member */
const isPublic = (member) => member.privacy !== 'private' && member.privacy !== 'protected' && !/^[_#]/.test(member.name) && !NOT_API.has(member.name);

/** @returns {Plugin} */
function publicApiPlugin() {
  /** @type {TS | undefined} */
  let ts;
  /** @type {Map<string, string>} */
  let eventTypes = new Map();
  /** Classes declared `abstract`: bases, never elements of their own. */
  const abstractClasses = new Set();

  /** The type checker over the analyzed files (created once, on first use: it takes a few seconds). */
  const checker = () => {
    if (!ts) throw new Error('ai-usage-public-api: the TypeScript API is not initialized');
    if (!analyzed.program) {
      const parsed = ts.getParsedCommandLineOfConfigFile('tsconfig.json', {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
      analyzed.program = ts.createProgram(analyzed.files, { ...(parsed?.options ?? {}), noEmit: true });
    }
    return { program: analyzed.program, checker: analyzed.program.getTypeChecker() };
  };

  /**
   * The element's members as the type checker sees them from the element (type parameters of a base
   * class resolved), for members whose type the analyzer could not write down.
   * @param {string} modulePath
   * @param {ClassDoc} element
   */
  function completeTypes(modulePath, element) {
    const tsApi = /** @type {TS} */ (ts);
    const { program: prog, checker: tc } = checker();
    const source = prog.getSourceFile(path.resolve(modulePath));
    const node = source?.statements.find((s) => tsApi.isClassDeclaration(s) && s.name?.text === element.name);
    if (!node) return;
    const instance = tc.getTypeAtLocation(node);
    const flags = tsApi.TypeFormatFlags.NoTruncation | tsApi.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope;
    /** @param {Type} type */
    const text = (type) => tc.typeToString(type, node, flags);
    /** Type parameters of the class that declares the symbol (e.g. `R`, `V` of a generic base). */
    const typeParameters = (/** @type {TsSymbol} */ symbol) => {
      const declaringClass = symbol.declarations?.[0]?.parent;
      return declaringClass && (tsApi.isClassDeclaration(declaringClass) || tsApi.isClassExpression(declaringClass))
        ? (declaringClass.typeParameters ?? []).map((p) => p.name.text)
        : [];
    };
    /** @param {string | undefined} written @param {string[]} params */
    const needsChecker = (written, params) => !written || params.some((p) => new RegExp(`\\b${p}\\b`).test(written));

    for (const member of element.members ?? []) {
      if (member.static) continue;
      const symbol = tc.getPropertyOfType(instance, member.name);
      if (!symbol) continue;
      const params = typeParameters(symbol);
      const type = tc.getTypeOfSymbolAtLocation(symbol, node);
      if (member.kind === 'field') {
        if (needsChecker(member.type?.text, params)) member.type = { text: text(type) };
      } else if (member.kind === 'method') {
        const signature = type.getCallSignatures()[0];
        if (!signature) continue;
        if (needsChecker(member.return?.type?.text, params)) member.return = { ...member.return, type: { text: text(signature.getReturnType()) } };
        member.parameters?.forEach((parameter, i) => {
          const declared = signature.parameters[i];
          if (declared && needsChecker(parameter.type?.text, params)) parameter.type = { text: text(tc.getTypeOfSymbolAtLocation(declared, node)) };
        });
      }
    }
    // Attributes are strings in HTML: spell out the values of a union alias (`UsageStatus` →
    // `'unconfigured' | 'loading' | …`), which is what editors offer as completions.
    for (const attribute of element.attributes ?? []) {
      const field = element.members?.find((m) => m.kind === 'field' && m.name === attribute.fieldName);
      if (field && 'type' in field && field.type && needsChecker(attribute.type?.text, [])) attribute.type = { ...field.type };
      const symbol = attribute.fieldName ? tc.getPropertyOfType(instance, attribute.fieldName) : undefined;
      const type = symbol && tc.getTypeOfSymbolAtLocation(symbol, node);
      const values = type?.isUnion() ? type.types : [];
      const literals = values.filter((t) => t.isStringLiteral());
      if (literals.length && values.every((t) => t.isStringLiteral() || t.flags & tsApi.TypeFlags.Undefined)) {
        attribute.type = { text: values.map((t) => (t.isStringLiteral() ? `'${t.value}'` : 'undefined')).join(' | ') };
      }
    }
  }

  return {
    name: 'ai-usage-public-api',

    initialize({ ts: analyzerTs }) {
      ts = analyzerTs;
      eventTypes = readEventTypes(analyzerTs);
    },

    analyzePhase({ ts: tsApi, node, moduleDoc }) {
      if (!tsApi.isClassDeclaration(node) || !node.name) return;
      const className = node.name.text;
      if (node.modifiers?.some((m) => m.kind === tsApi.SyntaxKind.AbstractKeyword)) abstractClasses.add(className);
      // The analyzer takes `this.dispatchEvent(new CustomEvent(type, …))` in a generic helper for an
      // event named after the variable (`type`). Only literal names are events; helpers are not.
      const classDoc = /** @type {ClassDoc | undefined} */ (moduleDoc.declarations?.find((d) => d.kind === 'class' && d.name === className));
      if (!classDoc?.events) return;
      /** @type {Set<string>} */
      const dynamicNames = new Set();
      /** @param {Node} n */
      const visit = (n) => {
        if (tsApi.isCallExpression(n) && tsApi.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'dispatchEvent') {
          for (const arg of n.arguments) {
            const first = tsApi.isNewExpression(arg) ? arg.arguments?.[0] : undefined;
            if (first && tsApi.isIdentifier(first)) dynamicNames.add(first.text);
          }
        }
        tsApi.forEachChild(n, visit);
      };
      node.members.filter((m) => tsApi.isMethodDeclaration(m)).forEach(visit);
      classDoc.events = classDoc.events.filter((e) => !(e.name && dynamicNames.has(e.name) && !e.description && !eventTypes.has(e.name)));
    },

    packageLinkPhase({ customElementsManifest }) {
      const manifest = /** @type {Package} */ (/** @type {unknown} */ (customElementsManifest));
      const modules = /** @type {JavaScriptModule[]} */ (manifest.modules);
      /** @type {Map<string, { module: JavaScriptModule; doc: ClassDoc }>} */
      const classes = new Map();
      for (const module of modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind === 'class' || declaration.kind === 'mixin') classes.set(declaration.name, { module, doc: /** @type {ClassDoc} */ (declaration) });
        }
      }

      // Every event, inherited ones included, is one of src/events.ts, and carries its type.
      for (const { module, doc } of classes.values()) {
        for (const event of doc.events ?? []) {
          const type = event.name ? eventTypes.get(event.name) : undefined;
          if (!type) {
            throw new Error(
              `${module.path}: ${doc.name} fires "${event.name ?? '(unnamed)'}", which is not in GlobalEventHandlersEventMap in ${EVENTS_FILE}. ` +
                `Declare it there with its detail type (known: ${[...eventTypes.keys()].join(', ')}).`,
            );
          }
          event.type = { text: type };
        }
      }

      // Inheritance is resolved by class name: a base outside the globs would silently take its API with it.
      for (const { module, doc } of classes.values()) {
        for (const ref of [doc.superclass, ...(doc.mixins ?? [])]) {
          if (ref && isSourcePath(ref.module) && !classes.has(ref.name)) {
            throw new Error(
              `${module.path}: ${doc.name} extends ${ref.name} from ${ref.module}, which the manifest globs do not analyze, so its attributes, ` +
                `properties and events would be missing. Add its folder to \`globs\` in custom-elements-manifest.config.js.`,
            );
          }
        }
      }

      // The public module of each element: its define file (src/<name>.ts → dist/<name>.js).
      /** @type {Map<string, string>} tag → public module path */
      const definedIn = new Map();
      for (const module of modules) {
        const defineFile = DEFINE_FILE.exec(module.path);
        for (const exp of module.exports ?? []) {
          if (exp.kind === 'custom-element-definition' && defineFile) definedIn.set(exp.name, `dist/${defineFile[1]}.js`);
        }
      }

      const elements = [...classes.values()].filter(({ doc }) => doc.kind === 'class' && doc.tagName);
      /** @type {Map<string, string>} class name → public module path */
      const published = new Map();
      for (const { doc } of elements) {
        const tag = /** @type {string} */ (doc.tagName);
        const conventional = `dist/${tag.replace(/^ai-/, '')}.js`;
        const modulePath = definedIn.get(tag) ?? conventional;
        if (!definedIn.has(tag)) console.warn(`custom-elements.json: no define file defines <${tag}>; publishing it as ${conventional}.`);
        else if (modulePath !== conventional) console.warn(`custom-elements.json: <${tag}> is defined in ${modulePath}, not ${conventional}.`);
        published.set(doc.name, modulePath);
      }
      for (const { doc } of classes.values()) {
        if (doc.kind === 'class' && doc.customElement && !doc.tagName && !abstractClasses.has(doc.name)) {
          console.warn(`custom-elements.json: ${doc.name} is a custom element without a tag (@tag or a define file); it is left out.`);
        }
      }

      /**
       * A reference as a consumer can follow it: published classes by their dist module, packages as
       * they are, unpublished local classes by name only (their API is already in the element).
       * @param {Reference} ref
       * @returns {Reference}
       */
      const publicRef = (ref) => {
        const module = published.get(ref.name);
        if (module) return { name: ref.name, module };
        if (isSourcePath(ref.module)) return { name: ref.name };
        return { ...ref };
      };

      /** @type {Map<string, JavaScriptModule>} */
      const publicModules = new Map();
      for (const { module, doc } of elements) {
        completeTypes(module.path, doc);
        /** @type {ClassDoc} */
        const element = structuredClone(doc);

        // The nearest published or external ancestor: unpublished bases are folded into the element.
        let superclass = element.superclass;
        while (superclass && !published.has(superclass.name) && classes.has(superclass.name)) {
          superclass = classes.get(superclass.name)?.doc.superclass;
        }
        if (superclass) element.superclass = publicRef(superclass);
        else delete element.superclass;
        const mixins = (element.mixins ?? []).filter((m) => published.has(m.name) || !isSourcePath(m.module)).map(publicRef);
        if (mixins.length) element.mixins = mixins;
        else delete element.mixins;

        element.members = (element.members ?? []).filter(isPublic);
        const memberNames = new Set(element.members.map((m) => m.name));
        for (const attribute of element.attributes ?? []) {
          if (attribute.fieldName && !memberNames.has(attribute.fieldName)) delete attribute.fieldName;
        }
        for (const list of [element.members, element.attributes, element.events, element.slots, element.cssParts, element.cssProperties, element.cssStates]) {
          for (const item of /** @type {{ inheritedFrom?: Reference }[]} */ (list ?? [])) {
            if (item.inheritedFrom) item.inheritedFrom = publicRef(item.inheritedFrom);
          }
        }
        for (const key of /** @type {const} */ (['members', 'attributes', 'events', 'slots', 'cssParts', 'cssProperties', 'cssStates'])) {
          if (element[key]?.length === 0) delete element[key];
        }

        const modulePath = /** @type {string} */ (published.get(doc.name));
        const target = publicModules.get(modulePath) ?? { kind: 'javascript-module', path: modulePath, declarations: [], exports: [] };
        const declaration = { name: element.name, module: modulePath };
        target.declarations?.push(element);
        target.exports?.push(
          { kind: 'js', name: element.name, declaration },
          { kind: 'custom-element-definition', name: /** @type {string} */ (element.tagName), declaration: { ...declaration } },
        );
        publicModules.set(modulePath, target);
      }

      manifest.modules = [...publicModules.values()].sort((a, b) => a.path.localeCompare(b.path));

      // Nothing may point at the unpublished sources.
      /** @type {string[]} */
      const leaks = [];
      /** @param {unknown} value @param {string} at */
      const scan = (value, at) => {
        if (Array.isArray(value)) value.forEach((v, i) => scan(v, `${at}[${i}]`));
        else if (value && typeof value === 'object') {
          for (const [key, v] of Object.entries(value)) {
            if ((key === 'path' || key === 'module') && typeof v === 'string' && isSourcePath(v)) leaks.push(`${at}.${key} = ${v}`);
            else scan(v, `${at}.${key}`);
          }
        }
      };
      scan(manifest, 'manifest');
      if (leaks.length) throw new Error(`custom-elements.json points at unpublished sources:\n  ${leaks.join('\n  ')}`);
    },
  };
}

export default {
  // Define files (src/*.ts: which tag is published from which module), the elements, and the base
  // classes, mixins and controllers they inherit from.
  globs: ['src/*.ts', 'src/components/**/*.ts', 'src/core/**/*.ts', 'src/i18n/localized.ts'],
  exclude: ['**/*.styles.ts', '**/*.template.ts', '**/*.templates.ts', '**/templates/**', '**/*.test.ts', '**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  packagejson: true,
  plugins: [publicApiPlugin()],
  /**
   * The analyzer's own module creation (one source file per glob), remembering the files so that
   * the plugin's type checker starts from the same ones.
   * @param {{ ts: TS; globs: string[] }} options
   */
  overrideModuleCreation({ ts, globs }) {
    analyzed.files = globs.map((glob) => path.resolve(glob));
    analyzed.program = undefined;
    return globs.map((glob) => ts.createSourceFile(glob, readFileSync(path.resolve(glob), 'utf8'), ts.ScriptTarget.ES2015, true));
  },
};
