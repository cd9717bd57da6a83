// Finishes a built folder by hand (`node scripts/post-build.mjs DIR`), for tests that change a
// build and need it finished again: runs `loupe place DIR`, the one implementation in Rust
// (crates/corpus/src/site/), which places the corpus of $LOUPE_SEEDS (else seeds/) and
// recomputes names, integrity attributes, the CSP and the service worker's precache list.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node scripts/post-build.mjs <built folder>');
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'loupe', '--', 'place', path.resolve(dir)], { cwd: repo, stdio: 'inherit' });
