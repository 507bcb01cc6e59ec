import { computeStatutoryClock, type WorkingCalendar } from '../calendar';
import type { WorkflowEvent } from '../../workflows/workflow-events.schema';
import type { ProcedureClockSettings } from './procedure-settings';

/** The statutory dates a dossier caches; recomputed after every event from the clock's inputs. */
export interface DossierDeadlines {
  /** Absent: the statutory limit ran from submission (versions before Decree 118); 'acceptance' from then on. */
  clockStartsAt?: 'acceptance';
  /** The completeness check while a submitted dossier waits for acceptance (Decree 118 versions). */
  intake?: { startedAt: string; limitWorkingDays: number; dueAt: string; warningAt: string | null } | null;
  /** Every supplementation request, before or after acceptance (Decision 766 counts more than one as late). */
  supplementationRequests?: number;
  /** The receipt of a complete dossier: the statutory limit counts from here. */
  receivedAt?: string;
  limitWorkingDays?: number;
  clockMode?: 'restart' | 'pause';
  supplementations: { requestedAt: string; resubmittedAt?: string }[];
  originalDueAt?: string;
  currentDueAt?: string | null;
  warningAt?: string | null;
  overdue: boolean;
  apologyNote?: string;
  /** The new appointment given with an apology before the decision (form 04); the due date stays for the statistics. */
  rescheduledTo?: string;
}

export const NO_DEADLINES: DossierDeadlines = { supplementations: [], overdue: false };

/**
 * Advances the clock's inputs by one accepted event (pure). The statutory limit counts from the receipt: SUBMIT
 * under the older versions' rule, ACCEPT (the receipt of a complete dossier, Decree 118/2025) under the newer
 * one, where SUBMIT starts the completeness check with its own limit instead. REQUEST_SUPPLEMENT after the
 * receipt opens a window and RESUBMIT closes it (pause or restart per procedure); DEADLINE_PASSED marks the
 * dossier overdue; an apology note given with a late decision (form 04) is kept.
 */
export function nextDeadlines(
  previous: DossierDeadlines,
  event: WorkflowEvent,
  procedure: ProcedureClockSettings,
  calendar: WorkingCalendar,
  clockStartsAt: 'submission' | 'acceptance' = 'submission',
): DossierDeadlines {
  const next: DossierDeadlines = { ...previous, supplementations: previous.supplementations.map((s) => ({ ...s })) };
  const startReceipt = () => Object.assign(next, { receivedAt: event.at, limitWorkingDays: procedure.limitWorkingDays, clockMode: procedure.clockMode, intake: null });
  const startIntakeCheck = () => {
    const check = computeStatutoryClock({ receivedAt: new Date(event.at), limitWorkingDays: procedure.completenessCheckWorkingDays, mode: 'restart', supplementations: [], at: new Date(event.at), warningWorkingDays: 1 }, calendar);
    next.intake = { startedAt: event.at, limitWorkingDays: procedure.completenessCheckWorkingDays, dueAt: check.currentDueAt!.toISOString(), warningAt: check.warningAt?.toISOString() ?? null };
  };
  if (clockStartsAt === 'acceptance') next.clockStartsAt = 'acceptance';
  switch (event.type) {
    case 'SUBMIT':
      if (clockStartsAt === 'submission') startReceipt();
      else startIntakeCheck();
      break;
    case 'ACCEPT':
      if (clockStartsAt === 'acceptance' && !next.receivedAt) startReceipt();
      next.intake = null;
      break;
    case 'REFUSE_INTAKE':
      next.intake = null;
      break;
    case 'REQUEST_SUPPLEMENT':
      next.supplementationRequests = (previous.supplementationRequests ?? previous.supplementations.length) + 1;
      // Before the receipt the statutory clock has not started: the request ends the completeness check.
      if (next.receivedAt) next.supplementations.push({ requestedAt: event.at });
      else next.intake = null;
      break;
    case 'RESUBMIT': {
      if (!next.receivedAt) {
        startIntakeCheck();
        break;
      }
      const open = next.supplementations.at(-1);
      if (open && !open.resubmittedAt) open.resubmittedAt = event.at;
      break;
    }
    case 'DEADLINE_PASSED':
      next.overdue = true;
      break;
    case 'RESCHEDULE_RESULT':
      next.rescheduledTo = event.appointment;
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
