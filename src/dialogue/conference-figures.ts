import type { WorkingCalendar } from '../calendar';
import { certifiedAt, type CertifiedFigures } from './certified-parks';
import { loadConference, presentConference } from './conference.service';
import { dossierFigureFolder, type DossierFigures } from './dossier-figures';
import { scopeDossierRowList, type DossierRow } from './dossier-rows';
import { petitionFigures, type PetitionFigures } from './petition-figures';
import { pgiTrend, type PgiTrendPeriod } from './pgi-trend';
import { reportScope, type ReportScope } from './report-scope';

export interface ConferenceFigures {
  conference: ReturnType<typeof presentConference>;
  scope: { from: string; to: string; startsAt: string; endsAt: string };
  /** Overdue is judged at this instant; everything else depends on the scope only. */
  asOf: string;
  dossiers: DossierFigures;
  certified: CertifiedFigures;
  pgi: PgiTrendPeriod[];
  petitions: PetitionFigures;
}

export interface FiguresDeps {
  now: () => Date;
  calendar: WorkingCalendar;
}

/**
 * Every figure of a conference, computed in one place: the figures API (the dashboard) and each export call
 * this, so a number in a DOCX, PDF or XLSX is the number on screen for the same scope. `onDossierRow` lets the
 * export count progress while the cursor runs.
 */
const foldedRows = new WeakMap<readonly DossierRow[], DossierFigures>();

export async function conferenceFigures(conferenceId: string, deps: FiguresDeps, onDossierRow?: (row: DossierRow) => void): Promise<ConferenceFigures & { reportScope: ReportScope }> {
  const conference = await loadConference(conferenceId);
  const scope = reportScope(conference.scope);
  const asOf = deps.now();
  const rows = await scopeDossierRowList(scope, asOf, deps.calendar);
  // The rows are kept while nothing in them moves (dossier-rows.ts), and so is what they add up to.
  let dossiers = foldedRows.get(rows);
  if (!dossiers) {
    const folder = dossierFigureFolder();
    for (const row of rows) folder.add(row);
    foldedRows.set(rows, (dossiers = folder.result()));
  }
  if (onDossierRow) for (const row of rows) onDossierRow(row);
  const [certified, pgi, petitions] = await Promise.all([certifiedAt(scope.endsAt), pgiTrend(conference.scope), petitionFigures(conferenceId, scope)]);
  return {
    conference: presentConference(conference),
    scope: { from: scope.from, to: scope.to, startsAt: scope.startsAt.toISOString(), endsAt: scope.endsAt.toISOString() },
    asOf: asOf.toISOString(),
    dossiers,
    certified,
    pgi,
    petitions,
    reportScope: scope,
  };
}
