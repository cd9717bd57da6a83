// <loupe-explorer>: embeds Loupe in any page with one script tag.
//
//   <script type="module" src="https://your.site/loupe/embed.js"></script>
//   <loupe-explorer filters="theme=trade&q=oil" view="map" height="600"></loupe-explorer>
//
// The explorer runs in a frame inside the element's shadow root, so the host's CSS cannot reach
// it and its own CSS cannot leak out. Assets resolve relative to this script. Theme it with CSS
// custom properties on the element (--loupe-accent, --loupe-bg, --loupe-surface, --loupe-text,
// --loupe-muted, --loupe-border, --loupe-font); they are forwarded to the frame.
const base = new URL('./', import.meta.url);
const THEME_VARS = ['--loupe-accent', '--loupe-bg', '--loupe-surface', '--loupe-text', '--loupe-muted', '--loupe-border', '--loupe-font'];

class LoupeExplorer extends HTMLElement {
  static get observedAttributes() { return ['filters', 'view', 'title']; }

  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>
      :host { display: block; contain: content; }
      iframe { display: block; width: 100%; min-height: 320px; border: 0; background: transparent; }
    </style>`;
    this.frame = document.createElement('iframe');
    this.frame.loading = 'lazy';
    this.frame.setAttribute('part', 'frame');
    this.frame.height = this.getAttribute('height') || '640';
    this.frame.addEventListener('load', () => this.sendTheme());
    root.append(this.frame);
    this.onMessage = (event) => {
      const data = event.data;
      if (event.source !== this.frame.contentWindow || event.origin !== base.origin || !data || data.type !== 'loupe:resize') return;
      const height = Number(data.height);
      if (Number.isFinite(height) && height > 0 && height < 100000) this.frame.style.height = `${Math.ceil(height)}px`;
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
