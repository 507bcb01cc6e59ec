import { z } from 'zod';

/** One schema for the API and the web form: a reopening changes a reported figure, so it must say why. */
export const reopenSchema = z.strictObject({ reason: z.string().trim().min(10).max(2000) });
export const dashboardQuerySchema = z.strictObject({
  period: z.string().max(10).optional().describe('Period id: 2026-Q1 or 2026; defaults to the newest quarter'),
  done: z.string().max(20).optional().describe('The change a redirect confirms (closed, reopened)'),
});
