// When a build is older than its sources. Shared by bin/xiaopu.js (run the
// built server only when it is current) and the build scripts.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time of any file under `dir` (0 if it does not exist). */
export function newest(dir) {
  let latest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const p = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return latest;
}

/** The modification time of a file, 0 if missing. */
export function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** build/ holds a server compiled from the sources as they are now. */
export function serverBuildIsCurrent(root) {
  const built = mtime(join(root, 'build/.built'));
  return built > 0 && built >= Math.max(newest(join(root, 'src')), mtime(join(root, 'package.json')), mtime(join(root, 'tsconfig.build.json')));
}
