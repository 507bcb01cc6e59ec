import { APPLICANT_STATES } from '../../workflows/workflow-types';

/**
 * Where a dossier stands in the one-stop process, as the applicant sees it: five steps from filing to the
 * result, whatever the machine's finer states (a consultation, an inspection) are. Pure: the page shows it as
 * an ordered list with the current step marked, so it reads the same to a screen reader.
 */
export const PROGRESS_STEPS = ['filing', 'receipt', 'review', 'decision', 'result'] as const;
export type ProgressStep = (typeof PROGRESS_STEPS)[number];

const STEP_OF_STATE: Record<string, ProgressStep> = {
  draft: 'filing',
  submitted: 'receipt',
  supplementation_requested: 'receipt',
  consultation: 'review',
  technical_review: 'review',
  inspection: 'review',
  awaiting_decision: 'decision',
  approved: 'result',
  rejected: 'result',
  revoked: 'result',
  expired: 'result',
};

export interface DossierProgress {
  steps: { step: ProgressStep; status: 'done' | 'current' | 'todo' }[];
  /** The applicant has something to do now (a draft to submit, documents to add). */
  waitingForApplicant: boolean;
  /** How the process ended, when it has: the result step names it. */
  outcome?: 'approved' | 'rejected' | 'revoked' | 'expired' | 'withdrawn' | 'refused_at_intake';
}

export function dossierProgress(state: string, lastActiveState?: string): DossierProgress {
  // A withdrawn dossier stopped where it was: show that step as the last one reached; one refused at intake
  // (form 03) stopped at the receipt.
  const stopped = state === 'withdrawn' || state === 'refused_at_intake';
  const reached = state === 'withdrawn' ? STEP_OF_STATE[lastActiveState ?? 'draft'] ?? 'filing' : state === 'refused_at_intake' ? 'receipt' : STEP_OF_STATE[state] ?? 'filing';
  const index = PROGRESS_STEPS.indexOf(reached);
  const ended = stopped || reached === 'result';
  return {
    steps: PROGRESS_STEPS.map((step, i) => ({ step, status: i < index || (ended && i === index) ? 'done' : i === index ? 'current' : 'todo' })),
    waitingForApplicant: (APPLICANT_STATES as readonly string[]).includes(state),
    outcome: ended ? (state as DossierProgress['outcome']) : undefined,
  };
}
