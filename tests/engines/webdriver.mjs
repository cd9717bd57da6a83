// A thin W3C WebDriver client: the standard's named commands, sent over HTTP to a WebDriver
// server (WebKitWebDriver) or over Firefox's Marionette socket, which takes the same commands
// (geckodriver is only an HTTP front for it). One Session API for every engine the suite drives.
import http from 'node:http';
import net from 'node:net';

/** The standard's commands used here: name → [HTTP method, path under /session/{id}]. */
const endpoints = {
  NewSession: ['POST', ''],
  DeleteSession: ['DELETE', ''],
  Navigate: ['POST', '/url'],
  Back: ['POST', '/back'],
  Forward: ['POST', '/forward'],
  SetWindowRect: ['POST', '/window/rect'],
  SwitchToFrame: ['POST', '/frame'],
  SwitchToParentFrame: ['POST', '/frame/parent'],
  FindElement: ['POST', '/element'],
  ElementClick: ['POST', '/element/{id}/click'],
  ElementSendKeys: ['POST', '/element/{id}/value'],
  ExecuteScript: ['POST', '/execute/sync'],
  PerformActions: ['POST', '/actions'],
  ReleaseActions: ['DELETE', '/actions'],
};

/** The key under which WebDriver passes element references. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** Keys as WebDriver names them (normalized key values from the spec's table). */
export const Keys = {
  Enter: '\uE007', Escape: '\uE00C', Tab: '\uE004', Shift: '\uE008', Control: '\uE009', ArrowDown: '\uE015',
};

class WebDriverError extends Error {
  constructor(command, error, message) {
    super(`${command}: ${error}: ${message}`);
    this.error = error;
  }
}

/** Sends commands to a WebDriver server at `base` (http://127.0.0.1:port). */
export function httpTransport(base) {
  let sessionPath = '/session';
  return {
    async send(command, params = {}) {
      const [method, template] = endpoints[command];
      const url = base + sessionPath + template.replace('{id}', params.id);
      const body = method === 'DELETE' ? undefined : JSON.stringify(params);
      const { value } = await new Promise((resolve, reject) => {
        const req = http.request(url, { method, headers: { 'content-type': 'application/json' } }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => { text += chunk; });
          res.on('end', () => resolve(JSON.parse(text)));
        });
        req.on('error', reject);
        req.end(body);
      });
      if (value && value.error) throw new WebDriverError(command, value.error, value.message);
      if (command === 'NewSession') sessionPath = `/session/${value.sessionId}`;
      return value;
    },
    close() {},
  };
}

/** Sends the same commands to Firefox's Marionette server on `port` (`length:json` packets). */
export async function marionetteTransport(port) {
  const socket = net.connect(port, '127.0.0.1');
  const waiting = new Map();
  let buffer = Buffer.alloc(0);
  let greeted;
  const greeting = new Promise((resolve) => { greeted = resolve; });
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const colon = buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(buffer.subarray(0, colon).toString());
      if (buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(buffer.subarray(colon + 1, colon + 1 + length).toString());
      buffer = buffer.subarray(colon + 1 + length);
      if (!Array.isArray(packet)) { greeted(packet); continue; }
      const [, id, error, result] = packet;
      const { resolve, reject, command } = waiting.get(id);
      waiting.delete(id);
      if (error) reject(new WebDriverError(command, error.error, error.message)); else resolve(result);
    }
  });
  await new Promise((resolve, reject) => { socket.once('connect', resolve); socket.once('error', reject); });
  await greeting;
  let next = 0;
  return {
    async send(command, params = {}) {
      const id = (next += 1);
      const text = Buffer.from(JSON.stringify([0, id, `WebDriver:${command}`, params]));
      const answer = new Promise((resolve, reject) => waiting.set(id, { resolve, reject, command }));
      socket.write(`${text.length}:`);
      socket.write(text);
      const result = await answer;
      // Marionette wraps bare values as {value}; objects (a session, a rect) come as they are.
      return result && Object.keys(result).length === 1 && 'value' in result ? result.value : result;
    },
    close() { socket.destroy(); },
  };
}

/** A WebDriver session: navigation, scripts, clicks and keys, waiting for what the page shows. */
export class Session {
  constructor(transport, capabilities) {
    this.transport = transport;
    this.capabilities = capabilities;
  }

  static async start(transport, alwaysMatch) {
    const { capabilities } = await transport.send('NewSession', { capabilities: { alwaysMatch } });
    return new Session(transport, capabilities);
  }

  async end() {
    await this.transport.send('DeleteSession').catch(() => {});
    this.transport.close();
  }

  navigate(url) { return this.transport.send('Navigate', { url }); }
  back() { return this.transport.send('Back'); }
  forward() { return this.transport.send('Forward'); }

  /** Runs `fn` (a function, or its source) in the page with `args`; returns its value. */
  execute(fn, ...args) {
    return this.transport.send('ExecuteScript', { script: `return (${fn}).apply(null, arguments)`, args });
  }

  /** Polls `fn` in the page until it returns something truthy; fails with `what` after `timeout` ms. */
  async waitFor(fn, args = [], { timeout = 10000, what = String(fn) } = {}) {
    const until = Date.now() + timeout;
    for (;;) {
      const value = await this.execute(fn, ...args).catch((e) => {
        // A navigation can replace the document while a script runs (WebKitGTK says "no such
        // frame" when the unload comes first): try again.
        if (/no such window|no such frame|JavaScript error|unknown error|stale/i.test(e.message)) return undefined;
        throw e;
      });
      if (value) return value;
      if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The first element matching `selector`, a CSS selector or an XPath starting with "/" (waits for it). */
  async find(selector, { timeout = 10000 } = {}) {
    const using = selector.startsWith('/') ? 'xpath' : 'css selector';
    await this.waitFor((using, s) => (using === 'xpath'
      ? !!document.evaluate(s, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue
      : !!document.querySelector(s)), [using, selector], { timeout, what: selector });
    const found = await this.transport.send('FindElement', { using, value: selector });
    return found[ELEMENT];
  }

  /**
   * A real click on the element matching `selector`, as a pointer would make it. When the driver
   * finds the element covered ("element click intercepted": a drawer still sliding in, a scroll
   * not yet settled), it waits, as Playwright does, until a pointer at the element's centre
   * reaches it, and clicks again; an element that stays covered fails, naming what covers it.
   */
  async click(selector) {
    const id = await this.find(selector);
    try {
      return await this.transport.send('ElementClick', { id });
    } catch (e) {
      if (e.error !== 'element click intercepted') throw e;
      const reached = (s) => {
        const box = document.querySelector(s).getBoundingClientRect();
        const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return hit?.closest(s) ? true : `covered by <${hit?.tagName.toLowerCase()} id="${hit?.id}" class="${hit?.className}">`;
      };
      const covered = await this.waitFor(`(s) => (${reached})(s) === true`, [selector], { timeout: 2000, what: `${selector} uncovered` })
        .then(() => null, () => this.execute(reached, selector));
      if (covered) throw new Error(`${e.message} (${selector} ${covered})`);
      return this.transport.send('ElementClick', { id: await this.find(selector) });
    }
  }

  /** Focuses the element matching `selector` and types `text` into it. */
  async type(selector, text) {
    return this.transport.send('ElementSendKeys', { id: await this.find(selector), text });
  }

  /** Presses keys on whatever has focus (e.g. Keys.Escape, or [Keys.Shift, Keys.Tab] together). */
  async press(...keys) {
    const actions = [];
    for (const key of keys) {
      const chord = Array.isArray(key) ? key : [key];
      for (const k of chord) actions.push({ type: 'keyDown', value: k });
      for (const k of [...chord].reverse()) actions.push({ type: 'keyUp', value: k });
    }
    await this.transport.send('PerformActions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.transport.send('ReleaseActions');
  }

  /** Makes the page's viewport (innerWidth × innerHeight) `width` × `height` CSS px. */
  async setViewport(width, height) {
    let rect = { width, height };
    for (let i = 0; i < 4; i += 1) {
      await this.transport.send('SetWindowRect', rect);
      const inner = await this.execute(() => [innerWidth, innerHeight, outerWidth, outerHeight]);
      if (inner[0] === width && inner[1] === height) return;
      // Window size per CSS px, and the window's own chrome, from what the engine reports.
      const scale = inner[2] / inner[0];
      rect = { width: Math.round(width * scale), height: Math.round(height * scale + (inner[3] - inner[1] * scale)) };
    }
    const [w, h] = await this.execute(() => [innerWidth, innerHeight]);
    throw new Error(`the viewport is ${w}×${h}, not ${width}×${height}`);
  }

  /** Runs what follows inside the iframe matching `css`, until `leaveFrame`. */
  async enterFrame(css) {
    const id = await this.find(css);
    await this.transport.send('SwitchToFrame', { id: { [ELEMENT]: id } });
  }

  leaveFrame() { return this.transport.send('SwitchToParentFrame'); }
}
