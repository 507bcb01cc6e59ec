import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit';
import type { WorkingCalendar } from '../calendar';
import { insertIfAbsent } from '../db';
import { conflict } from '../errors';
import { describeIndicator } from './indicator.types';
import { indicatorSetForPeriod } from './indicators';
import { livePeriodView } from './period-aggregate';
import { summarize, type PeriodView } from './period-view';
import { PgiPeriodCloseModel, PgiPeriodReopenModel, closeId } from './pgi-period-close.model';
import type { Period } from './pgi-period';
import { recomputePeriod } from './pgi-recompute';

export interface PeriodStatus {
  closed: boolean;
  /** The latest close, if any (still shown after a reopening, for the record). */
  closeNumber?: number;
  closedAt?: string;
  closedBy?: string;
  reopenedAt?: string;
  reopenReason?: string;
}

interface CloseRecord {
  closeNumber: number;
  closedAt: Date;
  closedBy: { name?: string };
  view: PeriodView;
}

const actorRecord = (actor: Actor) =>
  actor.kind === 'user' ? { kind: 'user', userId: actor.userId, name: actor.name, role: actor.role } : { kind: 'system', name: actor.name, role: 'system' };

/**
 * Frozen views by close id. A close is inserted once and never changed (a reopening is a record of its own),
 * so its view, read once, holds; a year's view is megabytes to decode on every dashboard or briefing read.
 */
const frozenViews = new Map<string, CloseRecord['view']>();
const FROZEN_VIEWS_KEPT = 16;

async function frozenView(id: string): Promise<CloseRecord['view']> {
  let view = frozenViews.get(id);
  if (view === undefined) {
    view = (await PgiPeriodCloseModel.findById(id, { view: 1 }).lean<Pick<CloseRecord, 'view'>>())?.view;
    if (view === undefined) throw new Error(`the close ${id} was found a moment ago and is gone`);
  }
  frozenViews.delete(id);
  frozenViews.set(id, view);
  if (frozenViews.size > FROZEN_VIEWS_KEPT) frozenViews.delete(frozenViews.keys().next().value!);
  return view;
}

/** The latest close of a period and whether it was reopened; its frozen view only when asked (it can be large). */
export async function periodState(periodId: string, options: { withView?: boolean } = {}): Promise<{ status: PeriodStatus; latest?: CloseRecord }> {
  // Closes are keyed "<period>#<n>" from 1 up: probed by `_id`, the one read FerretDB serves from an index
  // (a filter on periodId decoded every close with its frozen view, several MB once years are closed).
  let latest: CloseRecord | null = null;
  for (let n = 1; ; n++) {
    const close = await PgiPeriodCloseModel.findById(closeId(periodId, n), { view: 0, definitions: 0 }).lean<CloseRecord>();
    if (!close) break;
    latest = close;
  }
  if (!latest) return { status: { closed: false } };
  if (options.withView) latest = { ...latest, view: await frozenView(closeId(periodId, latest.closeNumber)) };
  const reopen = await PgiPeriodReopenModel.findById(closeId(periodId, latest.closeNumber)).lean();
  const status: PeriodStatus = {
    closed: !reopen,
    closeNumber: latest.closeNumber,
    closedAt: latest.closedAt.toISOString(),
    closedBy: latest.closedBy.name,
    ...(reopen ? { reopenedAt: reopen.reopenedAt.toISOString(), reopenReason: reopen.reason } : {}),
  };
  return { status, latest };
}

/**
 * Freezes a period that has ended. Entries whose delivery to the projector is still pending are first
 * back-filled from the log (repair), so the snapshot holds everything logged in the period by now.
 */
export async function closePeriod(actor: Actor, period: Period, deps: { now: () => Date; calendar: WorkingCalendar }): Promise<PeriodStatus> {
  const now = deps.now();
  if (period.endsAt > now) throw conflict(`Period ${period.id} has not ended yet; it can be closed from ${period.endsAt.toISOString()}.`);
  const { status } = await periodState(period.id);
  if (status.closed) throw conflict(`Period ${period.id} is already closed.`);
  await recomputePeriod(period, deps, { repair: true });
  const set = indicatorSetForPeriod(period);
  const view = await livePeriodView(period);
  const closeNumber = (status.closeNumber ?? 0) + 1;
  const created = await insertIfAbsent(PgiPeriodCloseModel, {
    _id: closeId(period.id, closeNumber),
    periodId: period.id,
    closeNumber,
    closedAt: now,
    closedBy: actorRecord(actor),
    definitionsVersion: set.version,
    definitions: set.indicators.map(describeIndicator),
    view,
    summary: summarize(view),
  });
  if (!created) throw conflict(`Period ${period.id} was closed by someone else just now.`);
  await recordAudit({ at: now, actor, action: 'pgi.period.closed', target: { kind: 'pgi_period', id: period.id, label: `close #${closeNumber}` } });
  return (await periodState(period.id)).status;
}

/** Reopens the latest close; the reason is kept on the reopening and in the audit log. */
export async function reopenPeriod(actor: Actor, period: Period, reason: string, deps: { now: () => Date }): Promise<PeriodStatus> {
  const { status } = await periodState(period.id);
  if (!status.closed || status.closeNumber === undefined) throw conflict(`Period ${period.id} is not closed.`);
  const now = deps.now();
  const created = await insertIfAbsent(PgiPeriodReopenModel, {
    _id: closeId(period.id, status.closeNumber),
    periodId: period.id,
    closeNumber: status.closeNumber,
    reason,
    reopenedAt: now,
    reopenedBy: actorRecord(actor),
  });
  if (!created) throw conflict(`Period ${period.id} was reopened by someone else just now.`);
  // The audit entry has no free-text field; the reason goes in the target label (and stays on the reopening).
  await recordAudit({ at: now, actor, action: 'pgi.period.reopened', target: { kind: 'pgi_period', id: period.id, label: `close #${status.closeNumber}: ${reason}` } });
  return (await periodState(period.id)).status;
}
