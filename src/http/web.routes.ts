import { Router } from 'express';

/** Public pages. Capability routers (applications, auth, …) are mounted beside this one in app.ts. */
export function webRoutes(): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.render('home', { title: 'Hệ thống tuân thủ xanh' });
  });
  return router;
}
