// Trunk post_build hook: lists every file of the build, derives the build's version from their
// contents, and writes both into the service worker (sw.js). Also runnable on a built folder:
// `node scripts/precache.mjs dist`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('usage: node scripts/precache.mjs <built folder> (or run as a Trunk hook)');
const worker = path.join(dir, 'sw.js');

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
