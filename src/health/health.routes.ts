import { Router } from 'express';
import { AppError } from '../errors';
import { toProblem } from '../http/problem-details';

export interface HealthDeps {
  ping(timeoutMs?: number): Promise<void>;
}

/** /healthz: the process is alive. /readyz: the database answers a ping within 1 s (503 otherwise). */
export function healthRoutes(deps: HealthDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (req, res) => {
    try {
      await deps.ping(1000);
      res.json({ status: 'ready', database: 'up' });
    } catch (error) {
      req.log.warn({ err: error }, 'readiness check failed');
      // Probes want a machine-readable answer whatever they accept, so this one is always problem+json.
      const problem = toProblem(
        new AppError('unavailable', 'Service unavailable', { detail: 'The database is not reachable.' }),
        { instance: req.originalUrl, requestId: String(req.id) },
      );
      res.status(503).type('application/problem+json').send(JSON.stringify(problem));
    }
  });
  return router;
}
