import { z } from 'zod';
import { CONFERENCE_STATUSES } from './conference.model';
import { PETITION_STATUSES, PETITION_TOPICS } from './petition-topics';

// Conferences and their reporting scopes fall in the PGI's years: none before 2020, and 2050 (the net-zero
// year, as for dossiers) is beyond any plan; a date outside is a typo. 'YYYY-MM-DD' strings compare in order.
const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'an invalid date')
  .refine((s) => s >= '2020-01-01' && s <= '2050-12-31', 'a date from 2020-01-01 to 2050-12-31');
const objectId = z.string().regex(/^[0-9a-f]{24}$/i, 'an id');

const conferenceFields = {
  title: z.string().trim().min(5).max(300),
  date: localDate,
  planReference: z.string().trim().max(100).optional(),
  scope: z.strictObject({ from: localDate, to: localDate }).refine((s) => s.from <= s.to, { message: 'scope.from must not be after scope.to', path: ['to'] }),
};

export const createConferenceSchema = z.object(conferenceFields).strict();
export const updateConferenceSchema = z.object({ ...conferenceFields, status: z.enum(CONFERENCE_STATUSES) }).partial().strict();
export type CreateConferenceInput = z.output<typeof createConferenceSchema>;
export type UpdateConferenceInput = z.output<typeof updateConferenceSchema>;

export const filePetitionSchema = z
  .object({
    conferenceId: objectId.optional(),
    topic: z.enum(PETITION_TOPICS),
    text: z.string().trim().min(10).max(8000),
    /** Officers entering a petition at a conference name the organization; applicants file for their own. */
    organizationId: objectId.optional(),
    linkedDossierCodes: z.array(z.string().trim().toUpperCase().regex(/^HP-[A-Z]{2,4}-\d{4}-\d{6}$/, 'a dossier code')).max(20).default([]),
  })
  .strict();
export type FilePetitionInput = z.output<typeof filePetitionSchema>;

export const assignPetitionSchema = z.object({ responsibleUnit: z.string().trim().min(2).max(300) }).strict();
export const answerPetitionSchema = z.object({ response: z.string().trim().min(10).max(8000) }).strict();
export const closePetitionSchema = z.object({}).strict();

export const listPetitionsSchema = z.strictObject({
  conferenceId: objectId.optional(),
  topic: z.enum(PETITION_TOPICS).optional(),
  status: z.enum(PETITION_STATUSES).optional(),
  // Same page window as the other lists: 10,000 pages of 200 is far beyond any office's petitions.
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListPetitionsQuery = z.output<typeof listPetitionsSchema>;

export const requestExportSchema = z.object({ format: z.enum(['docx', 'xlsx', 'pdf']), locale: z.enum(['vi', 'en']).default('vi') }).strict();
