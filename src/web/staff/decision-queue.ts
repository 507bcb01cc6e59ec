import { trusted, Types } from 'mongoose';
import { ApplicationModel, type ApplicationRecord } from '../../applications/application.model';
import { presentDossier } from '../../applications/application.service';
import { readLog } from '../../applications/dossier-history.service';
import { OrganizationModel } from '../../organizations';
import { compareQueueItems, type QueueItem } from './work-queue';

/** Decisions a leader can take on several dossiers at once. */
export const BULK_DECISIONS = ['APPROVE', 'REJECT', 'RETURN_FOR_REVIEW'] as const;
export type BulkDecision = (typeof BULK_DECISIONS)[number];

export type DecisionItem = QueueItem & { recommendation?: { decision: string; reasons: string[]; by?: string; at: Date } };

const DECISION_CAP = 500;

async function recommendationOf(id: string): Promise<DecisionItem['recommendation']> {
  const log = await readLog(id);
  const entry = [...log].reverse().find((e) => (e.event as { type?: string }).type === 'RECOMMEND');
  if (!entry) return undefined;
  const event = entry.event as { decision: string; reasons?: string[] };
  return { decision: event.decision, reasons: event.reasons ?? [], by: (entry.actor as { name?: string }).name, at: entry.at };
}

/**
 * Dossiers awaiting a leader's decision (all of them, or the ids asked for), overdue first, each with the
 * officer's recommendation from its log.
 */
export async function decisionQueue(now: Date, ids?: readonly string[]): Promise<DecisionItem[]> {
  const filter: Record<string, unknown> = { state: 'awaiting_decision' };
  if (ids) filter._id = trusted({ $in: ids.filter((id) => Types.ObjectId.isValid(id)).map((id) => new Types.ObjectId(id)) });
  const records = await ApplicationModel.find(filter)
    .select({ data: 0, snapshot: 0, results: 0 })
    .limit(DECISION_CAP)
    .lean<ApplicationRecord[]>();
  const items: DecisionItem[] = records.map((record) => {
    const item = presentDossier(record, now);
    const due = (item.deadlines as { currentDueAt?: Date | null }).currentDueAt;
    return { ...item, dueAt: due ? new Date(due) : undefined };
  });
  items.sort(compareQueueItems);
  const organizations = await OrganizationModel.find({ _id: trusted({ $in: [...new Set(items.map((i) => i.organizationId))] }) }, { name: 1 }).lean();
  const names = new Map(organizations.map((o) => [String(o._id), o.name]));
  await Promise.all(
    items.map(async (item) => {
      item.organizationName = names.get(item.organizationId);
      item.recommendation = await recommendationOf(item.id);
    }),
  );
  return items;
}
