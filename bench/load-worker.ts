import autocannon from 'autocannon';
import type { LoadResult, LoadSpec } from './load';

/**
 * Runs in its own process (forked by load.ts) so that autocannon's own work does not steal event-loop time
 * from the server being measured, which lives in the parent process.
 */
async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '') as LoadSpec;
  let next = 0;
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    warmup: { connections: spec.connections, duration: spec.warmupSeconds },
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...spec.headers },
        body: spec.body,
        // Round-robin over the dossiers: concurrent requests hit different dossiers, so 409s stay rare.
        setupRequest: (request) => ({ ...request, path: spec.paths[next++ % spec.paths.length] }),
      },
    ],
  });
  let ok = 0;
  let conflicts = 0;
  let other = result.errors + result.timeouts;
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) {
    if (code.startsWith('2')) ok += count;
    else if (code === '409') conflicts += count;
    else other += count;
  }
  const answer: LoadResult = {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok,
    conflicts,
    other,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
  };
  process.send?.(answer);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
