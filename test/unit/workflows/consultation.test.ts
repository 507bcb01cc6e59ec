import { allowedEvents, applyWorkflowEvent, type WorkflowEventInput } from '../../../workflows';
import { AT, drive, refusal } from './drive';
import { READY_FACTS } from './sample-events';

const GT = 'green_transformation';
const DUE = '2026-03-17T10:00:00Z';
const accepted: WorkflowEventInput[] = [
  { type: 'SUBMIT', at: AT, dossier: READY_FACTS.green_transformation },
  { type: 'ACCEPT', at: AT },
];

describe('green-transformation consultation', () => {
  it('when the dossier is accepted, then every default agency has a pending region', () => {
    const snapshot = drive(GT, 1, accepted);
    expect(snapshot.value).toEqual({
      consultation: { mae: 'pending', dost: 'pending', doc: 'pending', ip_board: 'pending' },
    });
    expect(Object.keys(snapshot.context.consultation?.agencies ?? {})).toEqual(['mae', 'dost', 'doc', 'ip_board']);
  });

  it('when opinions are requested, then each pending agency gets its own due date', () => {
    const snapshot = drive(GT, 1, [
      ...accepted,
      { type: 'REQUEST_OPINIONS', at: AT, dueAt: DUE, dueAtByAgency: { ip_board: '2026-03-05T10:00:00Z' } },
    ]);
    const agencies = snapshot.context.consultation?.agencies;
    expect(agencies?.mae?.dueAt).toBe(DUE);
    expect(agencies?.ip_board?.dueAt).toBe('2026-03-05T10:00:00Z');
    expect(snapshot.context.consultation?.requestedAt).toBe(AT);
  });

  it('when agencies answer or lapse one at a time, then each region closes independently', () => {
    const snapshot = drive(GT, 1, [
      ...accepted,
      { type: 'RECORD_OPINION', at: AT, agency: 'dost', opinion: 'agree_with_conditions', note: 'Bổ sung quan trắc' },
      { type: 'OPINION_OVERDUE', at: DUE, agency: 'doc' },
    ]);
    expect(snapshot.value).toEqual({
      consultation: { mae: 'pending', dost: 'answered', doc: 'lapsed', ip_board: 'pending' },
    });
    expect(snapshot.context.consultation?.agencies.dost).toMatchObject({
      status: 'answered',
      opinion: 'agree_with_conditions',
      note: 'Bổ sung quan trắc',
    });
  });

  it('when every region has answered or lapsed, then the dossier moves to the appraisal', () => {
    const snapshot = drive(GT, 1, [
      ...accepted,
      { type: 'RECORD_OPINION', at: AT, agency: 'mae', opinion: 'disagree', note: 'Chưa đạt' },
      { type: 'OPINION_OVERDUE', at: DUE, agency: 'dost' },
      { type: 'OPINION_OVERDUE', at: DUE, agency: 'doc' },
      { type: 'RECORD_OPINION', at: DUE, agency: 'ip_board', opinion: 'agree' },
    ]);
    expect(snapshot.value).toBe('technical_review');
    // A disagreement does not block: the appraisal weighs it.
    expect(snapshot.context.consultation?.agencies.mae?.opinion).toBe('disagree');
  });

  it('when an agency answers twice, lapses after answering, or is not consulted, then each is refused with why', () => {
    const answered = drive(GT, 1, [...accepted, { type: 'RECORD_OPINION', at: AT, agency: 'mae', opinion: 'agree' }]);
    const again = applyWorkflowEvent(GT, 1, answered, { type: 'RECORD_OPINION', at: AT, agency: 'mae', opinion: 'agree' });
    const lapse = applyWorkflowEvent(GT, 1, answered, { type: 'OPINION_OVERDUE', at: AT, agency: 'mae' });
    const stranger = applyWorkflowEvent(GT, 1, answered, { type: 'RECORD_OPINION', at: AT, agency: 'moit', opinion: 'agree' });
    expect(refusal(again)).toEqual(['opinion_already_recorded']);
    expect(refusal(lapse)).toEqual(['opinion_already_recorded']);
    expect(refusal(stranger)).toEqual(['agency_not_consulted']);
  });

  it('when consulting, then supplementation is not offered but withdrawal is', () => {
    const offered = allowedEvents(GT, 1, drive(GT, 1, accepted));
    expect(offered).not.toContain('REQUEST_SUPPLEMENT');
    expect(offered).toContain('WITHDRAW');
  });

  it('when a dossier is supplemented after the consultation, then it returns to the appraisal without consulting again', () => {
    const snapshot = drive(GT, 1, [
      ...accepted,
      ...['mae', 'dost', 'doc', 'ip_board'].map((agency): WorkflowEventInput => ({ type: 'OPINION_OVERDUE', at: DUE, agency })),
      { type: 'REQUEST_SUPPLEMENT', at: DUE, reasons: ['Thiếu báo cáo cộng sinh'] },
      { type: 'RESUBMIT', at: DUE, dossier: READY_FACTS.green_transformation },
      { type: 'ACCEPT', at: DUE },
    ]);
    expect(snapshot.value).toBe('technical_review');
  });

  it('when a deadline passes during consultation, then it is recorded once on the dossier, not per region', () => {
    const snapshot = drive(GT, 1, [...accepted, { type: 'DEADLINE_PASSED', at: DUE, dueAt: DUE }]);
    expect(snapshot.context).toMatchObject({ overdue: true, overdueAt: DUE });
    expect(snapshot.value).toEqual({
      consultation: { mae: 'pending', dost: 'pending', doc: 'pending', ip_board: 'pending' },
    });
  });
});

describe('renewable-energy v2 consultation with the power company', () => {
  it('when the power company answers, then the dossier moves to the appraisal', () => {
    const consulting = drive('renewable_energy', 2, [
      { type: 'SUBMIT', at: AT, dossier: READY_FACTS.renewable_energy },
      { type: 'ACCEPT', at: AT },
    ]);
    expect(consulting.value).toEqual({ consultation: { power_company: 'pending' } });
    const done = drive('renewable_energy', 2, [{ type: 'RECORD_OPINION', at: AT, agency: 'power_company', opinion: 'agree' }], consulting);
    expect(done.value).toBe('technical_review');
  });
});
