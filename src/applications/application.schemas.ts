import { z } from 'zod';
import { WORKFLOW_EVENT_TYPES, WORKFLOW_STATES, WORKFLOW_TYPES } from '../../workflows/workflow-types';

/** Bodies and queries of the applications API, validated at the edge. */
export const createApplicationSchema = z.object({
  type: z.enum(WORKFLOW_TYPES),
  title: z.string().trim().min(3).max(300),
  industrialComplexCode: z.string().trim().regex(/^[A-Z0-9-]{3,30}$/).optional(),
  /** Staff filing for an organization name it; applicants always file for their own. */
  organizationId: z.string().regex(/^[0-9a-f]{24}$/).optional(),
  data: z.record(z.string(), z.unknown()).default({}),
});
export type CreateApplicationInput = z.infer<typeof createApplicationSchema>;

export const updateApplicationSchema = z
  .object({
    title: z.string().trim().min(3).max(300).optional(),
    industrialComplexCode: z.string().trim().regex(/^[A-Z0-9-]{3,30}$/).nullable().optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change' });
export type UpdateApplicationInput = z.infer<typeof updateApplicationSchema>;

export const listApplicationsQuerySchema = z.object({
  type: z.enum(WORKFLOW_TYPES).optional(),
  state: z.enum(WORKFLOW_STATES).optional(),
  ic: z.string().trim().max(30).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListApplicationsQuery = z.infer<typeof listApplicationsQuerySchema>;

export const eventBodySchema = z.object({
  type: z.enum(WORKFLOW_EVENT_TYPES),
  comment: z.string().trim().max(4000).optional(),
}).catchall(z.unknown());

export const dossierIdSchema = z.string().regex(/^[0-9a-f]{24}$/, 'not a dossier id');
