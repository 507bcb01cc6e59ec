import { computeStatutoryClock, type WorkingCalendar } from '../calendar';
import type { WorkflowEvent } from '../../workflows/workflow-events.schema';

/** The statutory dates a dossier caches; recomputed after every event from the clock's inputs. */
export interface DossierDeadlines {
  receivedAt?: string;
  limitWorkingDays?: number;
  clockMode?: 'restart' | 'pause';
  supplementations: { requestedAt: string; resubmittedAt?: string }[];
  originalDueAt?: string;
  currentDueAt?: string | null;
  warningAt?: string | null;
  overdue: boolean;
  apologyNote?: string;
}

export const NO_DEADLINES: DossierDeadlines = { supplementations: [], overdue: false };

/**
 * Advances the clock's inputs by one accepted event (pure). SUBMIT is the receipt; REQUEST_SUPPLEMENT opens a
 * window and RESUBMIT closes it; DEADLINE_PASSED marks the dossier overdue; an apology note given with a late
 * decision (form 04) is kept.
 */
export function nextDeadlines(
  previous: DossierDeadlines,
  event: WorkflowEvent,
  procedure: { limitWorkingDays: number; clockMode: 'restart' | 'pause' },
  calendar: WorkingCalendar,
): DossierDeadlines {
  const next: DossierDeadlines = { ...previous, supplementations: previous.supplementations.map((s) => ({ ...s })) };
  switch (event.type) {
    case 'SUBMIT':
      Object.assign(next, { receivedAt: event.at, limitWorkingDays: procedure.limitWorkingDays, clockMode: procedure.clockMode });
      break;
    case 'REQUEST_SUPPLEMENT':
      next.supplementations.push({ requestedAt: event.at });
      break;
    case 'RESUBMIT': {
      const open = next.supplementations.at(-1);
      if (open && !open.resubmittedAt) open.resubmittedAt = event.at;
      break;
    }
    case 'DEADLINE_PASSED':
      next.overdue = true;
      break;
    case 'APPROVE':
    case 'REJECT':
      if (event.apologyNote) next.apologyNote = event.apologyNote;
      break;
    default:
      break;
  }
  if (!next.receivedAt || next.limitWorkingDays === undefined || !next.clockMode) return next;

  const clock = computeStatutoryClock(
    {
      receivedAt: new Date(next.receivedAt),
      limitWorkingDays: next.limitWorkingDays,
      mode: next.clockMode,
      supplementations: next.supplementations.map((s) => ({
        requestedAt: new Date(s.requestedAt),
        resubmittedAt: s.resubmittedAt ? new Date(s.resubmittedAt) : undefined,
      })),
      at: new Date(event.at),
    },
    calendar,
  );
  next.originalDueAt = clock.originalDueAt.toISOString();
  next.currentDueAt = clock.currentDueAt?.toISOString() ?? null;
  next.warningAt = clock.warningAt?.toISOString() ?? null;
  return next;
}
