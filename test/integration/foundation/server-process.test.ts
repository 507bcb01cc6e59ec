import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

describe('the server process', () => {
  it('when the configuration is invalid, then it exits 1 and names every bad variable', () => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', PORT: 'abc', SESSION_SECRET: 'short' };
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: root, env, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    for (const name of ['PORT', 'SESSION_SECRET', 'MONGODB_URI', 'BASE_URL']) expect(result.stderr).toContain(name);
    expect(result.stderr).toContain('.env.example');
  });
});
