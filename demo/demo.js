// The demo page's controls: they only change attributes, as a host page would.
const form = /** @type {HTMLFormElement} */ (document.getElementById('controls'));
const provider = /** @type {HTMLElement} */ (document.getElementById('provider'));
const endpointLabel = /** @type {HTMLElement} */ (document.getElementById('endpoint'));
const log = /** @type {HTMLOListElement} */ (document.getElementById('log'));

function update() {
  const data = new FormData(form);
  const flags = [];
  for (const name of ['latency', 'status', 'calls', 'malformed', 'html', 'empty']) {
    if (data.get(name)) flags.push(data.get(name));
  }
  const agents = Number(data.get('agents'));
  if (Number.isFinite(agents) && agents !== 14) flags.push(`agents=${agents}`);
  const endpoint = flags.length ? `/api/scenarios/${flags.join(',')}/` : '/api/ai-usage/';
  provider.setAttribute('endpoint', endpoint);
  endpointLabel.textContent = endpoint;
  const lang = String(data.get('lang'));
  document.documentElement.lang = lang;
  document.documentElement.dir = lang.startsWith('ar') ? 'rtl' : 'ltr';
  document.documentElement.classList.toggle('dark', data.get('dark') === 'on');
  document.documentElement.classList.toggle('compact', data.get('compact') === 'on');
  // The elements read `lang` when they render: ask them to.
  for (const el of document.querySelectorAll('ai-licenses-usage')) /** @type {import('lit').ReactiveElement} */ (el).requestUpdate();
}

// The page's own query string presets the controls, e.g. ?dark&lang=ar-EG&malformed, for sharing a state.
const preset = new URLSearchParams(location.search);
for (const [name, value] of preset) {
  const control = form.elements.namedItem(name);
  if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = true;
  else if (control instanceof HTMLInputElement || control instanceof HTMLSelectElement) control.value = value;
}
if ([...preset].length) update();

form.addEventListener('change', update);
form.addEventListener('submit', (event) => event.preventDefault());

for (const type of ['ai-load', 'ai-error', 'ai-sort-change', 'ai-filter-change', 'ai-export', 'ai-tab-change']) {
  document.addEventListener(type, (e) => {
    const event = /** @type {CustomEvent} */ (e);
    const item = document.createElement('li');
    const detail = event.detail?.error
      ? { error: String(event.detail.error.message ?? event.detail.error) }
      : event.detail?.csv
        ? { filename: event.detail.filename, rowCount: event.detail.rowCount }
        : event.detail;
    // Events from inside <ai-licenses-usage> are retargeted to it; composedPath() names the source.
    const source = /** @type {Element} */ (event.composedPath()[0]);
    item.textContent = `${new Date().toLocaleTimeString()}  ${type} from <${source.localName}>  ${JSON.stringify(detail)}`;
    log.prepend(item);
    while (log.children.length > 20) log.lastElementChild?.remove();
  });
}
