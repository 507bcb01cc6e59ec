import { noteContributionBulkWrite } from '../../../src/pgi/contribution-directory';
import fc from 'fast-check';
import { ApplicationModel } from '../../../src/applications/application.model';
import { DossierEventModel } from '../../../src/applications/dossier-event.model';
import { DEFAULT_WORKING_CALENDAR } from '../../../src/calendar';
import { PetitionChangeModel, PetitionModel } from '../../../src/dialogue/petition.model';
import { parsePeriodId, periodsOf, projectEntry, projectPetitionChange, recomputePeriod } from '../../../src/pgi';
import { aggregatePeriod } from '../../../src/pgi/period-aggregate';
import { assemblePeriodView, type PeriodView } from '../../../src/pgi/period-view';
import { PgiContributionModel } from '../../../src/pgi/pgi-contribution.model';
import { indicatorSetForPeriod } from '../../../src/pgi/indicators';
import { useTestDatabase } from '../../support/test-database';
import { dossierArbitrary, insertDossier, insertOrganization, insertPetition, organizationArbitrary, petitionArbitrary } from './pgi-history';
import { OrganizationModel } from '../../../src/organizations/organization.model';

const deps = { calendar: DEFAULT_WORKING_CALENDAR };

async function projectedView(periodId: string): Promise<PeriodView> {
  const period = parsePeriodId(periodId)!;
  return assemblePeriodView(period, indicatorSetForPeriod(period), await aggregatePeriod(period));
}

/** Σ lineage = value's sums, and the lineage names exactly the dossiers with a contribution. */
async function expectLineageComplete(view: PeriodView, field: 'quarter' | 'year'): Promise<void> {
  for (const value of view.components.flatMap((c) => c.indicators)) {
    const codes = await PgiContributionModel.distinct('dossierCode', { [field]: view.period.id, indicatorId: value.indicator.id });
    expect(value.lineage.map((l) => l.code).sort()).toEqual(codes.map(String).sort());
    expect(value.lineage.reduce((a, l) => a + l.numerator, 0)).toBeCloseTo(value.numerator, 6);
    expect(value.lineage.reduce((a, l) => a + l.denominator, 0)).toBeCloseTo(value.denominator, 6);
  }
}

describe('PGI projector and full recompute', () => {
  useTestDatabase();

  it('when random histories are projected (some entries twice), then every touched period equals its full recompute and its lineage is complete', async () => {
    const history = fc.record({
      organizations: fc.array(organizationArbitrary, { minLength: 1, maxLength: 4 }),
      dossiers: fc.array(dossierArbitrary(4), { minLength: 1, maxLength: 12 }),
      petitions: fc.array(petitionArbitrary(4), { maxLength: 6 }),
      replay: fc.array(fc.nat(), { maxLength: 5 }),
    });
    await fc.assert(
      fc.asyncProperty(history, async ({ organizations, dossiers, petitions, replay }) => {
        // This suite's database is its own: each run starts from an empty index.
        await Promise.all([DossierEventModel, ApplicationModel, OrganizationModel, PgiContributionModel, PetitionModel, PetitionChangeModel].map((m) => (m as typeof PgiContributionModel).deleteMany({})));
        // Contributions are never deleted in service; a test that wipes them says so, like any bulk write.
        await noteContributionBulkWrite();
        const organizationIds = await Promise.all(organizations.map(insertOrganization));
        const entryIds: string[] = [];
        const periods = new Set<string>();
        for (const spec of dossiers) {
          const dossier = await insertDossier(spec, organizationIds[spec.organization % organizationIds.length]!);
          entryIds.push(...dossier.entryIds);
        }
        const changeIds: string[] = [];
        for (const spec of petitions) {
          changeIds.push(...(await insertPetition(spec, organizationIds[spec.organization % organizationIds.length]!)).changeIds);
        }
        for (const entryId of entryIds) await projectEntry(entryId, deps);
        for (const changeId of changeIds) await projectPetitionChange(changeId, deps);
        for (const index of replay) expect(await projectEntry(entryIds[index % entryIds.length]!, deps)).toBe(0);
        for (const changeId of changeIds) expect(await projectPetitionChange(changeId, deps)).toBe(0);
        for (const entry of [...(await DossierEventModel.find({}, { at: 1 }).lean()), ...(await PetitionChangeModel.find({}, { at: 1 }).lean())]) {
          const { quarter, year } = periodsOf(entry.at);
          periods.add(quarter).add(year);
        }
        for (const periodId of periods) {
          const recomputed = await recomputePeriod(parsePeriodId(periodId)!, deps);
          const projected = await projectedView(periodId);
          expect(projected).toEqual(recomputed.view);
          await expectLineageComplete(projected, parsePeriodId(periodId)!.kind);
        }
      }),
      { numRuns: 12 },
    );
  }, 300_000);

  it('when entries were logged before the projector ran, then a repairing recompute back-fills them and a second one inserts nothing', async () => {
    await PgiContributionModel.deleteMany({});
    await noteContributionBulkWrite();
    const organizationId = await insertOrganization({ leadershipGender: 'female', employees: { female: 30, male: 20 } });
    await insertDossier({ type: 'renewable_energy', ending: 'approved', submitDay: 10, decisionAfterDays: 5, endAfterDays: 1, hour: 3, amount: 120.5, exempt: false, overdue: false, organization: 0 }, organizationId);
    const period = parsePeriodId('2025-Q1')!;
    const first = await recomputePeriod(period, deps, { repair: true });
    expect(first.inserted).toBeGreaterThan(0);
    expect((await recomputePeriod(period, deps, { repair: true })).inserted).toBe(0);
    expect(await projectedView('2025-Q1')).toEqual(first.view);
  });
});
