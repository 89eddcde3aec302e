#!/usr/bin/env node
// The `xiaopu` command. It runs the compiled server in build/ when that is
// current (`npm run build`, done by `npm start`), and otherwise the TypeScript
// sources through tsx — in development, or when the sources changed since the
// last build (production says so in a warning). XIAOPU_FROM_SOURCE=1 forces
// the sources.
import { serverBuildIsCurrent } from '../scripts/freshness.mjs';

const root = new URL('..', import.meta.url).pathname;
if (process.env.XIAOPU_FROM_SOURCE !== '1' && serverBuildIsCurrent(root)) {
  await import('../build/cli/index.js');
} else {
  if (process.env.NODE_ENV === 'production' && process.env.XIAOPU_FROM_SOURCE !== '1') {
    process.stderr.write('xiaopu: build/ is missing or older than src/; running the TypeScript sources. Run `npm run build` for the compiled server.\n');
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/index.ts');
}
