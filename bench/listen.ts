import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface BenchListener {
  port: number;
  /** Waits for every request handler to answer, then closes the server and its sockets. */
  close(): Promise<void>;
}

/**
 * Listens on a free loopback port and counts requests until they answer. autocannon drops its sockets when
 * its time is up, but the handlers behind them keep running; closing the database under them would fill
 * the output with "client was closed" errors and leak their work into the next phase.
 */
export function listen(app: Express): Promise<BenchListener> {
  let inFlight = 0;
  const server = http.createServer((req, res) => {
    inFlight++;
    const end = res.end.bind(res);
    let counted = true;
    res.end = ((...args: Parameters<typeof end>) => {
      if (counted) inFlight--;
      counted = false;
      return end(...args);
    }) as typeof res.end;
    app(req, res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        async close() {
          const giveUpAt = Date.now() + 15_000;
          while (inFlight > 0 && Date.now() < giveUpAt) await new Promise((done) => setTimeout(done, 20));
          await new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          });
        },
      });
    });
  });
}
