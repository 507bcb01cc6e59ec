import { userNamesByIds, type Actor } from '../../auth';
import { organizationNamesByIds } from '../../organizations';
import type { WorkflowState, WorkflowType } from '../../../workflows/workflow-types';
import { DossierEventModel, dossierEventId } from '../dossier-event.model';
import { findDossierSummaries, presentDossier, sortByUrgency, type DossierFilter, type DossierHeader } from './dossier-reads';
import type { DossierSummary } from './dossier-summary.model';

export interface QueueFilters {
  type?: WorkflowType;
  state?: WorkflowState;
  ic?: string;
  /** Due before this instant (the start of the day after the one the officer picked). */
  dueBefore?: Date;
  assignee?: 'me' | 'none';
  page: number;
}

export const QUEUE_PAGE_SIZE = 50;

export type QueueItem = DossierHeader & { assigneeId?: string; assigneeName?: string; organizationName?: string; dueAt?: Date };

function queueItem(summary: DossierSummary, now: Date): QueueItem {
  const item = presentDossier(summary, now);
  const deadlines = item.deadlines as { currentDueAt?: Date | string | null; intake?: { dueAt?: string } | null };
  const due = deadlines.currentDueAt ?? deadlines.intake?.dueAt;
  return { ...item, dueAt: due ? new Date(due) : undefined, assigneeId: summary.assigneeId };
}

async function withNames<T extends QueueItem>(items: T[]): Promise<T[]> {
  const [assignees, organizations] = await Promise.all([
    userNamesByIds(items.flatMap((item) => (item.assigneeId ? [item.assigneeId] : []))),
    organizationNamesByIds(items.map((item) => item.organizationId)),
  ]);
  for (const item of items) {
    item.assigneeName = item.assigneeId ? assignees.get(item.assigneeId) : undefined;
    item.organizationName = organizations.get(item.organizationId);
  }
  return items;
}

/**
 * The officer's work queue: every dossier in processing (or in the state asked for), filtered, most urgent
 * first, one page at a time. No read cap: the directory holds every dossier.
 */
export async function workQueue(actor: Actor, filters: QueueFilters, now: Date) {
  const filter: DossierFilter = {
    ...(filters.state ? { state: filters.state } : { openOnly: true }),
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.ic ? { industrialComplexCode: filters.ic } : {}),
    ...(filters.dueBefore ? { dueBefore: filters.dueBefore } : {}),
    ...(filters.assignee === 'me' && actor.kind === 'user' ? { assigneeId: actor.userId } : {}),
    ...(filters.assignee === 'none' ? { assigneeId: null } : {}),
  };
  const found = sortByUrgency(await findDossierSummaries(filter, now), now);
  const page = found.slice((filters.page - 1) * QUEUE_PAGE_SIZE, filters.page * QUEUE_PAGE_SIZE).map((summary) => queueItem(summary, now));
  return { total: found.length, page: filters.page, pages: Math.max(1, Math.ceil(found.length / QUEUE_PAGE_SIZE)), items: await withNames(page) };
}

export type DecisionItem = QueueItem & { recommendation?: { decision: string; reasons: string[]; by?: string; at: Date } };

/** The officer's recommendation: the newest RECOMMEND entry, read backwards from the head by key (usually the head). */
async function recommendationOf(summary: DossierSummary): Promise<DecisionItem['recommendation']> {
  for (let sequence = summary.sequence; sequence >= 1; sequence--) {
    const entry = await DossierEventModel.findById(dossierEventId(summary._id, sequence), { event: 1, actor: 1, at: 1 }).lean();
    const event = entry?.event as { type?: string; decision?: string; reasons?: string[] } | undefined;
    if (entry && event?.type === 'RECOMMEND') return { decision: event.decision ?? '', reasons: event.reasons ?? [], by: entry.actor?.name ?? undefined, at: entry.at };
  }
  return undefined;
}

/**
 * Recommendations by `<dossier>:<head sequence>`: log entries never change, so what was found under one head
 * stays true until the dossier moves on (then its key changes). Holds only the queue of the last read.
 */
let recommendationsKept = new Map<string, DecisionItem['recommendation']>();

async function recommendationsOf(found: readonly DossierSummary[], wholeQueue: boolean): Promise<DecisionItem['recommendation'][]> {
  const keyOf = (summary: DossierSummary) => `${summary._id}:${summary.sequence}`;
  const kept = recommendationsKept;
  const recommendations = await Promise.all(found.map(async (summary) => (kept.has(keyOf(summary)) ? kept.get(keyOf(summary)) : recommendationOf(summary))));
  const fresh = found.map((summary, i) => [keyOf(summary), recommendations[i]] as const);
  // A part of the queue (bulk decisions on chosen ids) adds to what is kept; the whole queue replaces it.
  recommendationsKept = new Map([...(wholeQueue ? [] : kept), ...fresh]);
  return recommendations;
}

/**
 * Dossiers awaiting a leader's decision (all of them, or those of the ids asked for), most urgent first, each
 * with the officer's recommendation.
 */
export async function decisionQueue(now: Date, ids?: readonly string[]): Promise<DecisionItem[]> {
  const wanted = ids ? new Set(ids) : undefined;
  const found = sortByUrgency((await findDossierSummaries({ state: 'awaiting_decision' }, now)).filter((summary) => !wanted || wanted.has(summary._id)), now);
  const items = await withNames(found.map((summary): DecisionItem => queueItem(summary, now)));
  const recommendations = await recommendationsOf(found, !ids);
  items.forEach((item, i) => (item.recommendation = recommendations[i]));
  return items;
}
