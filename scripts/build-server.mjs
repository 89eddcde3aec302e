// `npm run build:server`: compiles src/ to plain JavaScript in build/ (tsc with
// tsconfig.build.json; types are checked by `npm run typecheck`, not here),
// copies the SQL migrations beside it, and stamps the build so bin/xiaopu.js
// knows it is current. With --if-stale it does nothing when build/ is current.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverBuildIsCurrent } from './freshness.mjs';

const root = new URL('..', import.meta.url).pathname;
if (process.argv.includes('--if-stale') && serverBuildIsCurrent(root)) process.exit(0);

console.error('Building the server…');
rmSync(join(root, 'build'), { recursive: true, force: true });
const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
if (r.status !== 0) process.exit(r.status ?? 1);
cpSync(join(root, 'src/db/migrations'), join(root, 'build/db/migrations'), { recursive: true });
writeFileSync(join(root, 'build/.built'), new Date().toISOString() + '\n');
