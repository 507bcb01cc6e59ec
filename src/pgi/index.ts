/**
 * The Provincial Green Index feed: administrative proxies for VCCI's four PGI components, computed from the
 * DOIT's own dossiers. Wiring (composition root): mount `pgiRoutes`, and register `pgiOutboxDeliverer` for the
 * `project_pgi` outbox kind,
 * `pgiPetitionListener` with the dialogue's `onPetitionChange`, and `projectRecentPetitionChanges` in the maintenance sweep.
 */
export { pgiRoutes } from './pgi.routes';
export { pgiOutboxDeliverer, pgiPetitionListener, projectEntry, projectPetitionChange, projectRecentPetitionChanges } from './pgi-projector';
export { recomputePeriod, type Recomputed } from './pgi-recompute';
export { closePeriod, reopenPeriod, periodState, type PeriodStatus } from './pgi-period-close.service';
export { getPeriod, listPeriods } from './pgi.service';
export { INDICATOR_SETS, PGI_COMPONENTS, indicatorSetOn } from './indicators';
export { parsePeriodId, periodsOf, type Period } from './pgi-period';
export type { IndicatorDefinition, IndicatorSet } from './indicator.types';
export type { PeriodView, IndicatorValue } from './period-view';
export { contributionDirectory } from './contribution-directory';
export { unitIn } from './pgi-dashboard';
