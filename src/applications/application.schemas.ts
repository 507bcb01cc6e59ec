import { z } from 'zod';
import { workflowEventSchema } from '../../workflows/workflow-events.schema';
import { WORKFLOW_EVENT_TYPES, WORKFLOW_STATES, WORKFLOW_TYPES, type WorkflowType } from '../../workflows/workflow-types';
import { DOSSIER_TYPES } from './dossier-types';

/**
 * Bodies and queries of the applications API, validated at the edge. Every object is strict: a key we do
 * not know is refused with its name, never dropped (a dropped key reads to the sender as accepted).
 */
export const applicationHeaderSchema = z.strictObject({
  title: z.string().trim().min(3).max(300),
  industrialComplexCode: z.string().trim().regex(/^[A-Z0-9-]{3,30}$/).optional(),
});

const createFor = (type: WorkflowType) =>
  applicationHeaderSchema.extend({
    type: z.literal(type),
    /** Staff filing for an organization name it; applicants always file for their own. */
    organizationId: z.string().regex(/^[0-9a-f]{24}$/).optional(),
    // The type's own data schema, so its field messages come at the edge in the caller's language.
    data: (DOSSIER_TYPES[type].dataSchema as z.ZodType<Record<string, unknown>>).default({}),
  });

const [firstType, ...otherTypes] = WORKFLOW_TYPES.map(createFor);
export const createApplicationSchema = z.discriminatedUnion('type', [firstType!, ...otherTypes]);
export type CreateApplicationInput = z.infer<typeof createApplicationSchema>;

/** The dossier's type is not in a PATCH body, so the service checks `data` against it (strict there too). */
export const updateApplicationSchema = z
  .strictObject({
    title: z.string().trim().min(3).max(300).optional(),
    industrialComplexCode: z.string().trim().regex(/^[A-Z0-9-]{3,30}$/).nullable().optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change' });
export type UpdateApplicationInput = z.infer<typeof updateApplicationSchema>;

export const listApplicationsQuerySchema = z.strictObject({
  type: z.enum(WORKFLOW_TYPES).optional(),
  state: z.enum(WORKFLOW_STATES).optional(),
  ic: z.string().trim().max(30).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListApplicationsQuery = z.infer<typeof listApplicationsQuerySchema>;

// The server stamps `at`, computes the facts (`dossier`) and picks the clock mode; a client sends the rest.
const SERVER_FIELDS = new Set(['at', 'dossier', 'clock']);
const CLIENT_FIELDS = new Map(
  workflowEventSchema.options.map((option) => [option.shape.type.value as string, new Set(['type', 'comment', ...Object.keys(option.shape).filter((key) => !SERVER_FIELDS.has(key))])]),
);

/** An event as a client sends it: the fields of its type only; their values are checked by the machine's schema. */
export const eventBodySchema = z
  .object({
    type: z.enum(WORKFLOW_EVENT_TYPES),
    comment: z.string().trim().max(4000).optional(),
  })
  .catchall(z.unknown())
  .superRefine((body, ctx) => {
    const allowed = CLIENT_FIELDS.get(body.type);
    const unknown = Object.keys(body).filter((key) => !allowed?.has(key));
    if (unknown.length > 0) ctx.addIssue({ code: 'unrecognized_keys', keys: unknown, input: body });
  });

export const dossierIdSchema = z.string().regex(/^[0-9a-f]{24}$/, 'not a dossier id');
