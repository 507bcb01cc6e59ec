import { Schema, model } from 'mongoose';
import { recordAudit } from '../audit';
import type { Actor } from '../auth';
import { insertIfAbsent } from '../db';
import { AppError, forbidden, validationFailed } from '../errors';
import { FINAL_STATES } from '../../workflows/workflow-types';
import { loadReadableDossier } from './application.service';

/**
 * The applicant's rating of the service after the result (Decision 766: satisfaction, indicator 5.4 and the
 * leader's view): 1–5 and an optional comment, once per dossier (`_id` = the dossier: the insert is the once).
 */
const ServiceRatingModel = model(
  'ServiceRating',
  new Schema(
    {
      _id: String,
      score: { type: Number, required: true, min: 1, max: 5 },
      comment: { type: String, maxlength: 1000 },
      type: { type: String, required: true },
      organizationId: { type: String, required: true },
      by: { type: String, required: true },
      at: { type: Date, required: true },
    },
    { versionKey: false },
  ),
  'service_ratings',
);

export interface ServiceRating {
  score: number;
  comment?: string;
  at: Date;
}

/** The result has been given: a decision, a refusal at intake, or a withdrawal are all ends of the service. */
const hasResult = (state: string) => state === 'approved' || (FINAL_STATES as readonly string[]).includes(state);

export async function ratingOf(dossierId: string): Promise<ServiceRating | undefined> {
  const rating = await ServiceRatingModel.findById(dossierId).lean<ServiceRating & { _id: string }>();
  return rating ? { score: rating.score, ...(rating.comment ? { comment: rating.comment } : {}), at: rating.at } : undefined;
}

/** Whether the applicant may rate this dossier now (its result given, not yet rated). */
export async function mayRate(actor: Actor, dossier: { id: string; state: string; organizationId: string }): Promise<boolean> {
  return actor.kind === 'user' && actor.organizationId === dossier.organizationId && hasResult(dossier.state) && !(await ratingOf(dossier.id));
}

export async function rateService(actor: Actor, dossierId: string, input: { score: number; comment?: string }, now: Date): Promise<ServiceRating> {
  const dossier = await loadReadableDossier(actor, dossierId);
  if (actor.kind !== 'user' || actor.organizationId !== String(dossier.organizationId)) throw forbidden('Only the applicant rates the service it received.');
  if (!hasResult(dossier.state)) throw new AppError('conflict', 'No result yet', { detail: 'The service can be rated once its result is given.', extensions: { reason: 'no_result_yet' } });
  if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) throw validationFailed([{ field: 'score', message: 'Choose a score from 1 to 5.', messageKey: 'business.rating.errors.score' }]);
  const comment = input.comment?.trim().slice(0, 1000) || undefined;
  const created = await insertIfAbsent(ServiceRatingModel, { _id: dossierId, score: input.score, ...(comment ? { comment } : {}), type: dossier.type, organizationId: String(dossier.organizationId), by: actor.userId, at: now });
  if (!created) throw new AppError('conflict', 'Already rated', { detail: 'This dossier has been rated already; a rating is given once.', extensions: { reason: 'already_rated' } });
  await recordAudit({ at: now, actor, action: 'dossier.service_rated', target: { kind: 'dossier', id: dossierId, label: dossier.code } });
  return { score: input.score, ...(comment ? { comment } : {}), at: now };
}

/** Ratings given in [from, to), for the leader's view and the satisfaction indicator. */
export async function ratingsBetween(from: Date, to: Date): Promise<{ score: number; type: string; dossierId: string }[]> {
  const all = await ServiceRatingModel.find({}, { score: 1, type: 1, at: 1 }).lean<{ _id: string; score: number; type: string; at: Date }[]>();
  return all.filter((r) => r.at >= from && r.at < to).map((r) => ({ score: r.score, type: r.type, dossierId: r._id }));
}

