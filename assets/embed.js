// <loupe-explorer>: embeds Loupe in any page with one script tag.
//
//   <script type="module" src="https://your.site/loupe/embed.js"></script>
//   <loupe-explorer filters="theme=trade&q=oil" view="map" height="600"></loupe-explorer>
//
// The explorer runs in a frame inside the element's shadow root, so the host's CSS cannot reach
// it and its own CSS cannot leak out. Assets resolve relative to this script. Theme it with CSS
// custom properties on the element (--loupe-accent, --loupe-bg, --loupe-surface, --loupe-text,
// --loupe-muted, --loupe-border, --loupe-font); they are forwarded to the frame.
//
// The element answers the engine's questions through its frame (`await el.query('theme=trade')`,
// `el.suggest(text, query)`, `el.passages(ids)`, `el.facets()`, `el.documents()`), sets the view
// (`el.navigate('theme=trade&view=map')`) and fires `loupe-change` (detail: the query string)
// when the view changes.
const base = new URL('./', import.meta.url);
const THEME_VARS = ['--loupe-accent', '--loupe-bg', '--loupe-surface', '--loupe-text', '--loupe-muted', '--loupe-border', '--loupe-font'];

let lastId = 0;

class LoupeExplorer extends HTMLElement {
  static get observedAttributes() { return ['filters', 'view', 'title']; }

  /** Questions not yet answered, by id: the message and its promise's resolve. */
  #asked = new Map();
  /** Messages without an answer (navigations) waiting for the frame's app to start. */
  #queued = [];
  #ready = false;

  query(queryString = '') { return this.#ask({ type: 'loupe:query', query: String(queryString) }); }
  suggest(text, queryString = '') { return this.#ask({ type: 'loupe:suggest', text: String(text), query: String(queryString) }); }
  passages(ids) { return this.#ask({ type: 'loupe:passages', ids: typeof ids === 'string' ? [ids] : Array.from(ids, String) }); }
  facets() { return this.#ask({ type: 'loupe:facets' }); }
  documents() { return this.#ask({ type: 'loupe:documents' }); }
  navigate(queryString) { this.#send({ type: 'loupe:navigate', query: String(queryString) }, true); }

  #ask(message) {
    return new Promise((resolve) => {
      const question = { ...message, id: `loupe-explorer-${(lastId += 1)}` };
      this.#asked.set(question.id, { question, resolve });
      this.#send(question, false);
    });
  }

  /** Posts now if the frame's app runs, else when it starts (a lazy frame is loaded now). */
  #send(message, queue) {
    if (this.#ready) this.frame.contentWindow.postMessage(message, base.origin);
    else if (queue) this.#queued.push(message);
    if (this.frame) this.frame.loading = 'eager';
  }

  #receive(data) {
    if (data.type === 'loupe:resize') {
      const height = Number(data.height);
      if (Number.isFinite(height) && height > 0 && height < 100000) this.frame.style.height = `${Math.ceil(height)}px`;
    } else if (data.type === 'loupe:ready') {
      this.#ready = true;
      for (const { question } of this.#asked.values()) this.#send(question, false);
      for (const message of this.#queued.splice(0)) this.#send(message, false);
    } else if (data.type === 'loupe:result' && this.#asked.has(data.id)) {
      this.#asked.get(data.id).resolve(data.result);
      this.#asked.delete(data.id);
    } else if (data.type === 'loupe:change' && typeof data.query === 'string') {
      this.dispatchEvent(new CustomEvent('loupe-change', { detail: data.query, bubbles: true }));
    }
  }

  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>
      :host { display: block; contain: content; }
      iframe { display: block; width: 100%; min-height: 320px; border: 0; background: transparent; }
    </style>`;
    this.frame = document.createElement('iframe');
    this.frame.loading = this.#asked.size || this.#queued.length ? 'eager' : 'lazy';
    this.frame.setAttribute('part', 'frame');
    this.frame.height = this.getAttribute('height') || '640';
    this.frame.addEventListener('load', () => this.sendTheme());
    root.append(this.frame);
    // Only messages from this element's own frame and Loupe's origin count.
    this.onMessage = (event) => {
      if (event.source === this.frame.contentWindow && event.origin === base.origin && event.data && typeof event.data === 'object') this.#receive(event.data);
    };
    window.addEventListener('message', this.onMessage);
    this.load();
  }

  disconnectedCallback() {
    window.removeEventListener('message', this.onMessage);
  }

  attributeChangedCallback() {
    if (this.frame) this.load();
  }

  load() {
    const params = new URLSearchParams(this.getAttribute('filters') || '');
    const view = this.getAttribute('view');
    if (view) params.set('view', view);
    params.set('embed', '1');
    this.#ready = false;
    this.frame.title = this.getAttribute('title') || 'Loupe corpus explorer';
    this.frame.src = new URL(`index.html?${params}`, base).href;
  }

  sendTheme() {
    const style = getComputedStyle(this);
    const vars = {};
    for (const name of THEME_VARS) {
      const value = style.getPropertyValue(name).trim();
      if (value) vars[name] = value;
    }
    this.frame.contentWindow?.postMessage({ type: 'loupe:theme', vars }, base.origin);
  }
}

if (!customElements.get('loupe-explorer')) customElements.define('loupe-explorer', LoupeExplorer);
