import { trusted, Types } from 'mongoose';
import { PROCESSING_STATES, WORKFLOW_STATES, WORKFLOW_TYPES } from '../../../workflows/workflow-types';
import { ApplicationModel, type ApplicationRecord } from '../../applications/application.model';
import { presentDossier } from '../../applications/application.service';
import { UserModel, type Actor } from '../../auth';
import { OrganizationModel } from '../../organizations';
import { startOfLocalDay } from './staff-helpers';

export interface QueueFilters {
  type?: string;
  state?: string;
  ic?: string;
  /** yyyy-mm-dd: due on or before this local day. */
  dueBefore?: string;
  assignee?: 'me' | 'none';
  page: number;
}

export const QUEUE_PAGE_SIZE = 50;
/** The queue is sorted in memory (overdue first, then soonest due); this caps one read. */
const QUEUE_READ_CAP = 5000;

export type QueueItem = ReturnType<typeof presentDossier> & { assigneeId?: string; assigneeName?: string; organizationName?: string; dueAt?: Date };

function queueFilter(actor: Actor, filters: QueueFilters): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  const state = WORKFLOW_STATES.find((s) => s === filters.state);
  filter.state = state ?? trusted({ $in: [...PROCESSING_STATES] });
  const type = WORKFLOW_TYPES.find((t) => t === filters.type);
  if (type) filter.type = type;
  if (filters.ic) filter.industrialComplexCode = filters.ic;
  if (filters.dueBefore) {
    const nextDay = new Date(startOfLocalDay(filters.dueBefore).getTime() + 86_400_000);
    filter['deadlines.currentDueAt'] = trusted({ $lt: nextDay });
  }
  if (filters.assignee === 'me' && actor.kind === 'user') filter.assigneeId = new Types.ObjectId(actor.userId);
  if (filters.assignee === 'none') filter.assigneeId = trusted({ $exists: false });
  return filter;
}

const dueOf = (item: ReturnType<typeof presentDossier>) => {
  const due = (item.deadlines as { currentDueAt?: Date | null }).currentDueAt;
  return due ? new Date(due) : undefined;
};

/** Overdue first, then the soonest due; dossiers without a due date (clock paused) last. */
export function compareQueueItems(a: QueueItem, b: QueueItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const da = a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const db = b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da - db;
  return a.code.localeCompare(b.code);
}

async function namesById(model: typeof UserModel | typeof OrganizationModel, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await (model as typeof UserModel).find({ _id: trusted({ $in: ids }) }, { name: 1 }).lean();
  return new Map(rows.map((r) => [String(r._id), r.name]));
}

/** The officer's work queue: dossiers in processing (or the state asked for), filtered, in order of urgency. */
export async function workQueue(actor: Actor, filters: QueueFilters, now: Date) {
  const records = await ApplicationModel.find(queueFilter(actor, filters))
    .select({ data: 0, snapshot: 0, results: 0 })
    .limit(QUEUE_READ_CAP)
    .lean<ApplicationRecord[]>();
  const items: QueueItem[] = records.map((record) => {
    const item = presentDossier(record, now);
    return { ...item, dueAt: dueOf(item), assigneeId: record.assigneeId ? String(record.assigneeId) : undefined };
  });
  items.sort(compareQueueItems);
  const total = items.length;
  const page = items.slice((filters.page - 1) * QUEUE_PAGE_SIZE, filters.page * QUEUE_PAGE_SIZE);
  const [assignees, organizations] = await Promise.all([
    namesById(UserModel, [...new Set(page.map((i) => i.assigneeId).filter((id): id is string => Boolean(id)))]),
    namesById(OrganizationModel, [...new Set(page.map((i) => i.organizationId))]),
  ]);
  for (const item of page) {
    item.assigneeName = item.assigneeId ? assignees.get(item.assigneeId) : undefined;
    item.organizationName = organizations.get(item.organizationId);
  }
  return { total, page: filters.page, pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)), items: page, capped: records.length === QUEUE_READ_CAP };
}

/** Officers a dossier can be assigned to (active ones). */
export async function assignableOfficers() {
  const officers = await UserModel.find({ role: 'officer', active: true }, { name: 1, email: 1 }).sort({ name: 1 }).lean();
  return officers.map((o) => ({ id: String(o._id), name: o.name, email: o.email }));
}

export { assignDossier } from '../../applications/dossier-changes';
