// The site under test for the cross-engine suite: a static server on 127.0.0.1 that logs every
// request it answers (so "no request after load" needs nothing from the driver), can hold the
// wasm back (to see the loading state), and serves the host pages: tests/embed-host under
// /host/, and /phone.html, the page in a 375 × 740 frame.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { siteFile, types } from '../browser/helpers.mjs';

/** A phone's viewport, in CSS px. */
export const phone = { width: 375, height: 740 };

/** The explorer at `search` in a phone-sized frame: neither Firefox's window (500 px at least)
 * nor MiniBrowser's (447 px, its toolbar) narrows to 375 px, and a frame's media queries follow
 * its own width. */
function phoneHost(search) {
  const src = `/${search.startsWith('?') ? search : ''}`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Loupe on a phone</title>
<style>body { margin: 0; } iframe { display: block; border: 0; }</style></head>
<body><iframe id="phone" title="Loupe" src="${src.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" width="${phone.width}" height="${phone.height}"></iframe></body></html>`;
}

/** Serves `root` at a free port. `requests` lists the paths answered, in order; `holdWasm()`
 * makes wasm responses wait until the returned function is called. */
export async function serveSite(root) {
  const requests = [];
  let held = null;
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push(url.pathname);
    if (url.pathname === '/phone.html') {
      res.writeHead(200, { 'content-type': types['.html'] }).end(phoneHost(url.search));
      return;
    }
    const file = siteFile(root, url.pathname);
    if (!file) { res.writeHead(404).end('not found'); return; }
    if (held && file.endsWith('.wasm')) await held;
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    requests,
    holdWasm() {
      let release;
      held = new Promise((resolve) => { release = resolve; });
      return () => { held = null; release(); };
    },
    close: () => new Promise((r) => { server.close(r); server.closeAllConnections(); }),
  };
}
