import type { Actor } from '../../../src/auth/actor';
import { DEFAULT_WORKING_CALENDAR } from '../../../src/calendar';
import { closePeriod, getPeriod, parsePeriodId, projectEntry, reopenPeriod } from '../../../src/pgi';
import { useTestDatabase } from '../../support/test-database';
import { insertDossier, insertOrganization, type DossierSpec } from './pgi-history';
import { AuditEntryModel } from '../../../src/audit/audit.model';

const leader: Actor = { kind: 'user', userId: 'u-leader', role: 'leader', name: 'Lãnh đạo Sở' };
const deps = { now: () => new Date('2026-05-01T03:00:00Z'), calendar: DEFAULT_WORKING_CALENDAR };
const solar = (submitDay: number): DossierSpec => ({
  type: 'renewable_energy', ending: 'approved', submitDay, decisionAfterDays: 3, endAfterDays: 1, hour: 2, amount: 250, exempt: false, overdue: false, organization: 0,
});
const capacity = async (periodId: string) =>
  (await getPeriod(periodId)).components[0]!.indicators.find((i) => i.indicator.id === 'c1_renewable_capacity_kwp')!;

async function projectNew(spec: DossierSpec, organizationId: string): Promise<void> {
  const dossier = await insertDossier(spec, organizationId);
  for (const entryId of dossier.entryIds) await projectEntry(entryId, deps);
}

describe('closing and reopening a PGI period', () => {
  useTestDatabase();

  it('when a closed period receives a late decision, then it keeps its frozen values until it is reopened with a reason, which is audited', async () => {
    const organizationId = await insertOrganization({ leadershipGender: 'female', employees: { female: 12, male: 8 } });
    await projectNew(solar(20), organizationId); // decided in January 2025
    const status = await closePeriod(leader, parsePeriodId('2025-Q1')!, deps);
    expect(status).toMatchObject({ closed: true, closeNumber: 1, closedBy: 'Lãnh đạo Sở' });
    const frozen = await getPeriod('2025-Q1');
    expect((await capacity('2025-Q1')).value).toBe(250);

    // A delivery that was delayed past the close, dated inside the period, and a decision in a later period.
    await projectNew(solar(40), organizationId);
    await projectNew(solar(400), organizationId);
    expect(await getPeriod('2025-Q1')).toEqual(frozen);

    await expect(reopenPeriod(leader, parsePeriodId('2025-Q1')!, 'Bổ sung hồ sơ đến muộn', deps)).resolves.toMatchObject({ closed: false, reopenReason: 'Bổ sung hồ sơ đến muộn' });
    const live = await capacity('2025-Q1');
    expect(live.value).toBe(500);
    expect(live.lineage).toHaveLength(2);
    expect(live.gender.byLeadership.female.value).toBe(500);
    expect(live.gender.workforce).toMatchObject({ organizations: 1, female: 12, male: 8 });
    expect(await AuditEntryModel.find({ 'target.id': '2025-Q1' }).lean()).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'pgi.period.closed' }), expect.objectContaining({ action: 'pgi.period.reopened' })]),
    );
    await expect(closePeriod(leader, parsePeriodId('2025-Q1')!, deps)).resolves.toMatchObject({ closed: true, closeNumber: 2 });
    expect((await capacity('2025-Q1')).value).toBe(500);
  });

  it('when two leaders close the same period at once, then exactly one close is recorded', async () => {
    const results = await Promise.allSettled([1, 2, 3].map(() => closePeriod(leader, parsePeriodId('2025-Q3')!, deps)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('when a period has not ended, then it cannot be closed, and an open period cannot be reopened', async () => {
    await expect(closePeriod(leader, parsePeriodId('2026-Q2')!, deps)).rejects.toMatchObject({ code: 'conflict' });
    await expect(reopenPeriod(leader, parsePeriodId('2025-Q4')!, 'Không có lý do hợp lệ', deps)).rejects.toMatchObject({ code: 'conflict' });
  });
});
