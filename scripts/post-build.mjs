// Trunk post_build hook, also runnable on a built folder (`node scripts/post-build.mjs dist`):
// 1. pins a strict Content-Security-Policy into index.html, allowing Trunk's inline loader by
//    its hash (no 'unsafe-inline' for scripts);
// 2. lists every file of the build, derives the build's version from their contents, and
//    writes both into the service worker (sw.js).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('usage: node scripts/post-build.mjs <built folder> (or run as a Trunk hook)');
const worker = path.join(dir, 'sw.js');

/** The policy Loupe runs under; README.md explains each part. */
function policy(scriptHashes) {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.join(' ')}`,
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const indexPath = path.join(dir, 'index.html');
let index = fs.readFileSync(indexPath, 'utf8').replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
const inline = [...index.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map((body) => `'sha256-${crypto.createHash('sha256').update(body).digest('base64')}'`);
index = index.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${policy(hashes)}">`);
fs.writeFileSync(indexPath, index);

function files(folder, prefix = '') {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix + entry.name;
    if (entry.isDirectory()) return files(path.join(folder, entry.name), `${relative}/`);
    return relative === 'sw.js' || entry.name.startsWith('.') ? [] : [relative];
  });
}

const list = files(dir).sort();
const hash = crypto.createHash('sha256');
for (const file of list) hash.update(file).update('\0').update(fs.readFileSync(path.join(dir, file)));
const build = hash.digest('hex').slice(0, 16);
const template = fs.readFileSync(worker, 'utf8');
const precache = JSON.stringify(['./', ...list.map((f) => `./${f}`)], null, 2);
const written = template
  .replace(/const BUILD = '[^']*';/, `const BUILD = '${build}';`)
  .replace(/const PRECACHE = [^;]*;/s, `const PRECACHE = ${precache};`);
fs.writeFileSync(worker, written);
console.log(`precache: ${list.length} files, build ${build}`);
