import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface RunningHttpServer {
  readonly port: number;
  /** Stops accepting, lets in-flight requests finish, then force-closes what is left after `graceMs`. */
  close(graceMs?: number): Promise<void>;
}

export function startHttpServer(app: Express, port: number, host?: string): Promise<RunningHttpServer> {
  const server = http.createServer(app);
  // Slightly above a typical proxy's idle timeout, so the proxy closes idle connections first.
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        close(graceMs = 8000) {
          return new Promise<void>((done) => {
            const force = setTimeout(() => server.closeAllConnections(), graceMs);
            server.close(() => {
              clearTimeout(force);
              done();
            });
            // Idle keep-alive sockets would hold close() open; busy ones finish their request first.
            server.closeIdleConnections();
          });
        },
      });
    });
  });
}
