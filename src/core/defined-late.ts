/** The warning for a data source that a host framework turned into text. */

let definedLateWarned = false;

/**
 * A host framework (React, Vue) that renders a tag before its element is defined sets `dataSource`
 * as an attribute, and the object becomes the text "[object Object]": the element then has no data
 * source. So does Vue for `:data-source` (kebab case), even once the element is defined. Says so
 * once per page, with the cause and the fix.
 */
export function warnDefinedLate(element: Element): void {
  if (definedLateWarned) return;
  const name = ['datasource', 'data-source'].find((attribute) => element.getAttribute(attribute) === '[object Object]');
  if (!name) return;
  definedLateWarned = true;
  console.warn(
    name === 'datasource'
      ? `ai-usage-elements: <${element.localName}> has the attribute datasource="[object Object]": its data source was set before the element was defined, so it became text and the element has no data source. ` +
          `Fix: import the define module before first render (import 'ai-usage-elements/${element.localName.replace(/^ai-/, '')}.js'); set dataSource as a property.`
      : `ai-usage-elements: <${element.localName}> has the attribute data-source="[object Object]": a data source bound in kebab case (Vue's :data-source) becomes text, and the element has no data source. ` +
          `Fix: bind it in camel case (:dataSource) so it is set as the dataSource property.`,
    element,
  );
}
