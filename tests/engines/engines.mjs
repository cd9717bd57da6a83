// Starts the engines the cross-engine suite drives, each installed from Debian by
// `scripts/setup.sh --browser`: Firefox ESR headless through Marionette, and WebKitGTK's
// MiniBrowser through WebKitWebDriver under a private Xvfb display. Each gives a WebDriver
// Session and a close() that ends only the processes it started.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Session, httpTransport, marionetteTransport } from './webdriver.mjs';

const desktop = { width: 1280, height: 900 };

async function until(what, check, timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function stop(child) {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
}

/** Firefox ESR, headless, with a fresh profile whose Marionette server picks a free port. */
export async function launchFirefox() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'loupe-firefox-'));
  fs.writeFileSync(path.join(profile, 'user.js'), [
    'user_pref("marionette.port", 0);',
    'user_pref("browser.shell.checkDefaultBrowser", false);',
    'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
  ].join('\n'));
  const binary = process.env.FIREFOX || '/usr/bin/firefox-esr';
  const child = spawn(binary, ['--headless', '--marionette', '--no-remote', '--profile', profile], {
    stdio: 'ignore',
    env: { ...process.env, MOZ_HEADLESS_WIDTH: '1600', MOZ_HEADLESS_HEIGHT: '1200' },
  });
  const portFile = path.join(profile, 'MarionetteActivePort');
  const port = await until('Firefox\'s Marionette port', async () => fs.existsSync(portFile) && Number(fs.readFileSync(portFile, 'utf8')));
  const session = await Session.start(await marionetteTransport(port), {});
  await session.setViewport(desktop.width, desktop.height);
  return {
    session,
    version: `Firefox ${session.capabilities.browserVersion}`,
    async close() {
      await session.end();
      stop(child);
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

/** The MiniBrowser that Debian's libwebkit2gtk-4.1 ships (its folder is named by architecture). */
function miniBrowser() {
  if (process.env.MINIBROWSER) return process.env.MINIBROWSER;
  const found = fs.readdirSync('/usr/lib').map((dir) => path.join('/usr/lib', dir, 'webkit2gtk-4.1/MiniBrowser')).find((p) => fs.existsSync(p));
  if (!found) throw new Error('MiniBrowser not found: run scripts/setup.sh --browser');
  return found;
}

/** Starts Xvfb on a display it picks itself; resolves to the display and the process. */
function startXvfb() {
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1600x1200x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdio[3].on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve({ display: `:${text.trim()}`, child });
    });
    child.on('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
}

/** WebKitGTK's MiniBrowser in automation mode, through WebKitWebDriver, on a private Xvfb. */
export async function launchWebKit() {
  const xvfb = await startXvfb();
  const port = await freePort();
  const driver = spawn(process.env.WEBKIT_WEBDRIVER || 'WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, DISPLAY: xvfb.display } });
  const base = `http://127.0.0.1:${port}`;
  await until('WebKitWebDriver', () => fetch(`${base}/status`).then((r) => r.json()).then((s) => s.value.ready));
  const session = await Session.start(httpTransport(base), {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: miniBrowser(), args: ['--automation'] },
  });
  await session.setViewport(desktop.width, desktop.height);
  return {
    session,
    version: `WebKitGTK ${session.capabilities.browserVersion}`,
    async close() {
      await session.end();
      stop(driver);
      stop(xvfb.child);
    },
  };
}
