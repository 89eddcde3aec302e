// Development: the API (with the embedded database) on XIAOPU_API_PORT
// (default 3000) and the web app with hot reload on XIAOPU_WEB_PORT (default
// 5173), which proxies /api, /pay and /docs to the API. Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { createServer } from 'vite';

const apiPort = process.env.XIAOPU_API_PORT ?? '3000';
const api = spawn(process.execPath, [new URL('../bin/xiaopu.js', import.meta.url).pathname, 'start'], {
  stdio: 'inherit', env: { ...process.env, PORT: apiPort },
});
const web = await createServer({ configFile: new URL('../web/vite.config.ts', import.meta.url).pathname });
await web.listen();
web.printUrls();
console.log(`  API:     http://127.0.0.1:${apiPort} (docs at /docs)\n`);

const stop = async () => {
  api.kill('SIGTERM');
  await web.close();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
api.on('exit', (code) => {
  void web.close();
  process.exitCode = code ?? 0;
});
