// Builds the web app (dist/web) when it is missing or older than its sources,
// so `npm start` on a fresh clone serves the storefront without a separate step.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const manifest = join(root, 'dist/web/.vite/manifest.json');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return latest;
}

let built = 0;
try {
  built = statSync(manifest).mtimeMs;
} catch { /* not built yet */ }

if (built < Math.max(newest(join(root, 'web')), statSync(join(root, 'package.json')).mtimeMs)) {
  console.log('Building the web app…');
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(root, 'web/vite.config.ts'), '--logLevel', 'warn'],
    { stdio: 'inherit', cwd: root });
  process.exit(r.status ?? 1);
}
