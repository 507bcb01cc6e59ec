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

  it('when the portal connection is set but a procedure has no national codes, then it exits 1 before opening the database and names the setting', () => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', LOG_LEVEL: 'silent', DVCQG_URL: 'https://dvcqg.example.vn', DVCQG_USERNAME: 'soct', DVCQG_PASSWORD: 'secret', MONGODB_URI: 'mongodb://127.0.0.1:1/never' };
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: root, env, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DVCQG_PROCEDURE_CODES');
    expect(result.stderr).toContain('green_transformation, epr, renewable_energy, emissions_reduction');
  });

  it('when the signing key file cannot be opened, then it exits 1 naming the signing settings', () => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', LOG_LEVEL: 'silent', SIGNING_P12_PATH: '/nonexistent/soct.p12', SIGNING_P12_PASSWORD: 'x', MONGODB_URI: 'mongodb://127.0.0.1:1/never' };
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: root, env, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('SIGNING_P12_PATH, SIGNING_P12_PASSWORD: the signing key could not be opened');
  });
});
