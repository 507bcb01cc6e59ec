import { dossierProgress } from '../../../src/web/dossier-progress';

const statuses = (state: string, last?: string) => dossierProgress(state, last).steps.map((s) => s.status);

describe('the applicant’s view of where a dossier stands', () => {
  it('marks earlier steps done, the state’s step current and later ones to do', () => {
    expect(statuses('draft')).toEqual(['current', 'todo', 'todo', 'todo', 'todo']);
    expect(statuses('inspection')).toEqual(['done', 'done', 'current', 'todo', 'todo']);
    expect(statuses('awaiting_decision')).toEqual(['done', 'done', 'done', 'current', 'todo']);
  });

  it('folds the finer states of review (consultation, inspection) into one step', () => {
    expect(statuses('consultation')).toEqual(statuses('technical_review'));
    expect(statuses('inspection')).toEqual(statuses('technical_review'));
  });

  it('says when the applicant has something to do', () => {
    expect(dossierProgress('draft').waitingForApplicant).toBe(true);
    expect(dossierProgress('supplementation_requested').waitingForApplicant).toBe(true);
    expect(statuses('supplementation_requested')).toEqual(statuses('submitted'));
    expect(dossierProgress('technical_review').waitingForApplicant).toBe(false);
  });

  it('ends with every step done and the outcome named', () => {
    for (const state of ['approved', 'rejected', 'revoked', 'expired'] as const) {
      expect(statuses(state)).toEqual(['done', 'done', 'done', 'done', 'done']);
      expect(dossierProgress(state).outcome).toBe(state);
    }
  });

  it('shows a withdrawn dossier stopped at the step it had reached', () => {
    expect(statuses('withdrawn', 'technical_review')).toEqual(['done', 'done', 'done', 'todo', 'todo']);
    expect(dossierProgress('withdrawn', 'technical_review').outcome).toBe('withdrawn');
    expect(statuses('withdrawn')).toEqual(['done', 'todo', 'todo', 'todo', 'todo']);
  });

  it('shows a dossier refused at intake (form 03) stopped at the receipt, with that outcome', () => {
    expect(statuses('refused_at_intake')).toEqual(['done', 'done', 'todo', 'todo', 'todo']);
    expect(dossierProgress('refused_at_intake').outcome).toBe('refused_at_intake');
  });
});
