// Builds the course page's list of passages on trade with Loupe's headless engine: every
// string from the corpus becomes a text node (never HTML).
const origin = new URLSearchParams(location.search).get('loupe');
const engineUrl = origin && /^http:\/\/127\.0\.0\.1:\d+$/.test(origin) ? `${origin}/loupe-engine.js` : '/loupe-engine.js';

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

const loupe = await import(engineUrl).then((m) => m.load());
const theme = loupe.facets().find((f) => f.facet === 'theme' && f.value === 'trade');
const names = new Map(loupe.facets().filter((f) => f.facet === 'entity').map((f) => [f.value, f.label]));
const { total, passages } = loupe.query('theme=trade');
document.getElementById('heading').textContent = `Passages on ${theme ? theme.label : 'trade'}`;
document.getElementById('summary').textContent = `${total} passages`;
const list = document.getElementById('trade');
for (const passage of loupe.passages(passages)) {
  const item = element('li', 'reading');
  item.dataset.passage = passage.id;
  item.append(element('h2', '', passage.section), element('p', 'text', passage.text));
  const named = passage.entities.map((id) => names.get(id) || id);
  if (named.length) item.append(element('p', 'names', `Names: ${named.join(', ')}`));
  list.append(item);
}
document.body.dataset.ready = 'true';
