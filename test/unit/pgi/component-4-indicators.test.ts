import { DEFAULT_WORKING_CALENDAR } from '../../../src/calendar';
import type { FormulaInput, ProjectedDossier, ProjectedEntry } from '../../../src/pgi/indicator.types';
import { COMPONENT_4_INDICATORS } from '../../../src/pgi/indicators/component-4.data';
import { petitionAsEntry } from '../../../src/pgi/petition-source';

const formula = (id: string) => COMPONENT_4_INDICATORS.find((i) => i.id === id)!.formula;

function decision(type: string, receivedAt: string, at: string, to = 'approved'): FormulaInput {
  const entry: ProjectedEntry = { _id: 'd:000003', dossierId: 'd', event: { type: 'APPROVE' }, from: 'awaiting_decision', to, at: new Date(at), after: { state: to, deadlines: { receivedAt } } };
  const dossier: ProjectedDossier = { _id: 'd', code: 'HP-1', type, organizationId: 'o', data: {}, results: {} };
  return { entry, dossier, organization: null, calendar: DEFAULT_WORKING_CALENDAR };
}

function petitionChange(action: 'assign' | 'answer' | 'close', from: string, to: string, receivedAt: string, at: string): FormulaInput {
  const read = petitionAsEntry(
    { _id: 'p:000002', petitionId: 'p', action, from, to, at: new Date(at) },
    { _id: 'p' as never, code: 'HP-KN-2026-000001', organizationId: 'o' as never, topic: 'epr', receivedAt: new Date(receivedAt) },
  );
  return { ...read, organization: null, calendar: DEFAULT_WORKING_CALENDAR };
}

describe('component 4 formulas', () => {
  it('counts a decision as fully online when its procedure is offered fully online on the receipt date', () => {
    expect(formula('c4_fully_online_share')(decision('epr', '2025-03-03T02:00:00Z', '2025-03-20T02:00:00Z'))).toEqual({ numerator: 1, denominator: 1 });
    expect(formula('c4_fully_online_share')(decision('green_transformation', '2025-03-03T02:00:00Z', '2025-03-20T02:00:00Z', 'rejected'))).toEqual({ numerator: 0, denominator: 1 });
  });

  it('reads a receipt before the first catalogued version with the oldest version instead of failing', () => {
    expect(formula('c4_fully_online_share')(decision('epr', '2024-12-02T02:00:00Z', '2025-01-10T02:00:00Z'))).toEqual({ numerator: 1, denominator: 1 });
  });

  it('ignores petitions and non-decisions in the fully-online share', () => {
    expect(formula('c4_fully_online_share')(petitionChange('answer', 'assigned', 'answered', '2026-03-02T02:00:00Z', '2026-03-04T02:00:00Z'))).toBeNull();
    const submitted = decision('epr', '2025-03-03T02:00:00Z', '2025-03-03T02:00:00Z');
    expect(formula('c4_fully_online_share')({ ...submitted, entry: { ...submitted.entry, from: 'draft', to: 'submitted' } })).toBeNull();
  });

  it('counts a petition answer once, with the working days from receipt (weekend skipped), and never an assignment or a close', () => {
    // Received Friday 2026-03-06, answered Tuesday 2026-03-10: two working days.
    const answer = petitionChange('answer', 'assigned', 'answered', '2026-03-06T02:00:00Z', '2026-03-10T02:00:00Z');
    expect(formula('c4_petitions_answered')(answer)).toEqual({ numerator: 1 });
    expect(formula('c4_petition_answer_working_days')(answer)).toEqual({ numerator: 2, denominator: 1 });
    for (const other of [petitionChange('assign', 'received', 'assigned', '2026-03-06T02:00:00Z', '2026-03-06T03:00:00Z'), petitionChange('close', 'answered', 'closed', '2026-03-06T02:00:00Z', '2026-03-12T02:00:00Z')]) {
      expect(formula('c4_petitions_answered')(other)).toBeNull();
      expect(formula('c4_petition_answer_working_days')(other)).toBeNull();
    }
  });

  it('keeps dossier decisions out of the petition indicators', () => {
    expect(formula('c4_petitions_answered')(decision('epr', '2025-03-03T02:00:00Z', '2025-03-20T02:00:00Z'))).toBeNull();
  });
});
