import http from 'node:http';
import express from 'express';
import { startHttpServer } from '../../../src/http';

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('graceful shutdown', () => {
  it('when the server closes during a request, then that request finishes and new connections are refused', async () => {
    let markStarted: () => void = () => {};
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const app = express();
    app.get('/slow', (_req, res) => {
      markStarted();
      setTimeout(() => res.send('finished'), 700);
    });
    const server = await startHttpServer(app, 0, '127.0.0.1');

    const inFlight = get(server.port, '/slow');
    await started;
    const closed = server.close(5000);

    await expect(inFlight).resolves.toEqual({ status: 200, body: 'finished' });
    await closed;
    await expect(get(server.port, '/slow')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('when a request outlives the grace period, then close() still returns', async () => {
    const app = express();
    app.get('/stuck', () => {});
    const server = await startHttpServer(app, 0, '127.0.0.1');
    const stuck = get(server.port, '/stuck').catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await server.close(300);
    expect(String(await stuck)).toMatch(/socket hang up|ECONNRESET/);
  });
});
