import { PROCESSING_STATES, type WorkflowState, type WorkflowType } from '../../../workflows/workflow-types';
import { isOverdueNow } from '../timeliness';
import { dossierDirectory, type DossierDirectory } from './dossier-directory';
import type { DossierSummary } from './dossier-summary.model';

/** What a list shows of a dossier; the same shape for a summary and for a full dossier document. */
export interface DossierHeaderSource {
  _id: unknown;
  code: string;
  nationalCode?: string;
  type: WorkflowType;
  title: string;
  state: WorkflowState;
  organizationId: unknown;
  industrialComplexCode?: string;
  workflow: { id: string; version: number };
  sequence: number;
  deadlines: Record<string, unknown>;
  submittedAt?: Date;
  decidedAt?: Date;
  createdAt: Date;
}

const isProcessing = (state: string) => (PROCESSING_STATES as readonly string[]).includes(state);
/**
 * The next date the Department must meet: the statutory due date once the dossier is received, before that
 * the completeness check's (Decree 118 versions), so a dossier waiting for its check is not last in the queue.
 */
const currentDueOf = (deadlines: Record<string, unknown>) => {
  const due = (deadlines.currentDueAt ?? (deadlines.intake as { dueAt?: string } | null | undefined)?.dueAt) as Date | string | null | undefined;
  return due ? new Date(due) : undefined;
};

/** "Overdue now" is the one rule of timeliness.ts; lists, filters and the queue's order read it here. */
export { isOverdueNow };

export function presentDossier(dossier: DossierHeaderSource, now: Date) {
  return {
    id: String(dossier._id),
    code: dossier.code,
    ...(dossier.nationalCode ? { nationalCode: dossier.nationalCode } : {}),
    type: dossier.type,
    title: dossier.title,
    state: dossier.state,
    organizationId: String(dossier.organizationId),
    industrialComplexCode: dossier.industrialComplexCode,
    workflow: dossier.workflow,
    sequence: dossier.sequence,
    deadlines: dossier.deadlines,
    overdue: isOverdueNow(dossier, now),
    submittedAt: dossier.submittedAt,
    decidedAt: dossier.decidedAt,
    createdAt: dossier.createdAt,
  };
}
export type DossierHeader = ReturnType<typeof presentDossier>;

export interface DossierFilter {
  organizationId?: string;
  type?: WorkflowType;
  /** One state; without it `openOnly` or every state. */
  state?: WorkflowState;
  /** Only dossiers in processing (the officers' work). */
  openOnly?: boolean;
  industrialComplexCode?: string;
  overdue?: boolean;
  /** Due before this instant (current due date). */
  dueBefore?: Date;
  /** An assignee's user id, or null for "nobody yet". */
  assigneeId?: string | null;
  submittedFrom?: Date;
  submittedBefore?: Date;
  decidedFrom?: Date;
  decidedBefore?: Date;
}

function matches(summary: DossierSummary, filter: DossierFilter, now: Date): boolean {
  if (filter.organizationId !== undefined && summary.organizationId !== filter.organizationId) return false;
  if (filter.type && summary.type !== filter.type) return false;
  if (filter.state ? summary.state !== filter.state : filter.openOnly && !isProcessing(summary.state)) return false;
  if (filter.industrialComplexCode && summary.industrialComplexCode !== filter.industrialComplexCode) return false;
  if (filter.overdue !== undefined && isOverdueNow(summary, now) !== filter.overdue) return false;
  if (filter.dueBefore) {
    const due = currentDueOf(summary.deadlines);
    if (!due || due >= filter.dueBefore) return false;
  }
  if (filter.assigneeId !== undefined && (summary.assigneeId ?? null) !== filter.assigneeId) return false;
  const submitted = summary.submittedAt ? new Date(summary.submittedAt) : undefined;
  if (filter.submittedFrom && (!submitted || submitted < filter.submittedFrom)) return false;
  if (filter.submittedBefore && (!submitted || submitted >= filter.submittedBefore)) return false;
  const decided = summary.decidedAt ? new Date(summary.decidedAt) : undefined;
  if (filter.decidedFrom && (!decided || decided < filter.decidedFrom)) return false;
  if (filter.decidedBefore && (!decided || decided >= filter.decidedBefore)) return false;
  return true;
}

/**
 * The dossiers a filter may match, from the smallest group that holds them all: an organization's, a state's,
 * those in processing, or else every dossier. A list of an office's open work then reads hundreds, not years.
 */
function candidatesOf(directory: DossierDirectory, filter: DossierFilter): Iterable<DossierSummary> {
  if (filter.organizationId !== undefined) return directory.inGroup('organization', filter.organizationId);
  if (filter.state) return directory.inGroup('state', filter.state);
  if (filter.openOnly) return directory.inGroup('phase', 'open');
  return directory.all();
}

/** Every dossier summary matching the filter (from the in-memory directory; no read cap). */
export async function findDossierSummaries(filter: DossierFilter, now: Date): Promise<DossierSummary[]> {
  const directory = await dossierDirectory();
  const found: DossierSummary[] = [];
  for (const summary of candidatesOf(directory, filter)) if (matches(summary, filter, now)) found.push(summary);
  return found;
}

type SortKey = readonly (number | string)[];

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    return a[i]! < b[i]! ? -1 : 1;
  }
  return 0;
}

/** Overdue first, then the soonest due; dossiers without a due date (clock paused, not received) last; then by code. */
function urgencyKey(d: DossierHeaderSource, now: Date): SortKey {
  return [isOverdueNow(d, now) ? 0 : 1, currentDueOf(d.deadlines)?.getTime() ?? Number.POSITIVE_INFINITY, d.code];
}

/** Lists: dossiers in processing first, most urgent first; then the others, newest first. */
function listKey(d: DossierHeaderSource, now: Date): SortKey {
  return isProcessing(d.state) ? [0, ...urgencyKey(d, now)] : closedKey(d);
}

const closedKey = (d: DossierHeaderSource): SortKey => [1, 0, -new Date(d.createdAt).getTime(), d.code];

export const byUrgency = (now: Date) => (a: DossierHeaderSource, b: DossierHeaderSource): number => compareKeys(urgencyKey(a, now), urgencyKey(b, now));
export const listOrder = (now: Date) => (a: DossierHeaderSource, b: DossierHeaderSource): number => compareKeys(listKey(a, now), listKey(b, now));

/** Sorts by the order above, each key computed once (a year of dossiers is 50,000 comparisons' worth of dates). */
function sortedBy<T extends DossierHeaderSource>(items: readonly T[], key: (d: T) => SortKey): T[] {
  return items
    .map((item) => ({ item, key: key(item) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ item }) => item);
}
export const sortByUrgency = <T extends DossierHeaderSource>(items: readonly T[], now: Date) => sortedBy(items, (d) => urgencyKey(d, now));

/**
 * The dossiers matching the filter in list order (listKey). Urgency moves with the clock, but the order of
 * dossiers out of processing does not: it is kept by the directory until a dossier changes, so a list of
 * 50,000 sorts only the few hundred open ones.
 */
export async function findInListOrder(filter: DossierFilter, now: Date): Promise<DossierSummary[]> {
  const directory = await dossierDirectory();
  if (filter.organizationId !== undefined) return sortForList(await findDossierSummaries(filter, now), now);
  const open = directory.inGroup('phase', 'open').filter((summary) => matches(summary, filter, now));
  return [...sortByUrgency(open, now), ...closedInOrder(directory, filter, now)];
}

/**
 * The closed dossiers a filter matches, newest first, kept by the directory until a dossier changes: one order
 * of all of them, and one per filter asked for (a closed dossier's match does not depend on the clock).
 */
function closedInOrder(directory: DossierDirectory, filter: DossierFilter, now: Date): readonly DossierSummary[] {
  const all = directory.derived('closed, newest first', () => sortedBy(directory.inGroup('phase', 'closed'), closedKey));
  const narrowed = Object.entries(filter).some(([, value]) => value !== undefined);
  return narrowed ? directory.derived(`closed, newest first: ${JSON.stringify(filter)}`, () => all.filter((summary) => matches(summary, filter, now))) : all;
}

const sortForList = <T extends DossierHeaderSource>(items: readonly T[], now: Date) => sortedBy(items, (d) => listKey(d, now));

/** The summary of one dossier by its id or readable code, as this process knows it. */
export async function dossierSummary(id: string): Promise<DossierSummary | undefined> {
  return (await dossierDirectory()).get(id);
}

/** The dossiers filed for one industrial park or cluster (the public register filters certificates by it). */
export async function dossierIdsInComplex(code: string): Promise<ReadonlySet<string>> {
  return (await dossierDirectory()).derived(`in complex ${code}`, (all) => new Set([...all].filter((summary) => summary.industrialComplexCode === code).map((summary) => String(summary._id))));
}

export async function dossierIdOfCode(code: string): Promise<string | undefined> {
  return (await dossierDirectory()).idOfCode(code);
}
