/**
 * Dossiers: the one event path, the log, and the read services every page and report uses. Other rooms
 * call these; the models stay inside.
 */
export { createApplication, describeApplication, listApplications, loadReadableDossier, presentDossier, updateApplication } from './application.service';
export { dossierHistory, publicDossierStatus, readLog } from './dossier-history.service';
export { checkLogChains, type LogChainReport, type BrokenChain } from './log-chains';
export { assignDossier } from './dossier-changes';
export { findDossierSummaries, isOverdueNow, byUrgency, listOrder, dossierSummary, dossierIdOfCode, dossierIdsInComplex, type DossierFilter, type DossierHeader } from './read-model/dossier-reads';
export { workQueue, decisionQueue, QUEUE_PAGE_SIZE, type QueueFilters, type QueueItem, type DecisionItem } from './read-model/dossier-queues';
export { dossierStatistics, computeStatistics, type DossierStatistics, type TypeFigures } from './read-model/dossier-statistics';
export { decidedOnTime, decidedWithin, hasRepeatedSupplementation, processingWorkingDays, type TimedDossier } from './timeliness';
export { configureDossierDirectory } from './read-model/dossier-directory';
export { startDossierReadModel } from './read-model/read-model-start';
export type { DossierSummary } from './read-model/dossier-summary.model';
export type { ApplicationRecord } from './application.model';
export { dossierForMail, dossierAssigneeId, dossierIdsOfCodes, loggedEntryFacts, lastDecision, type DecisionFacts, certificateKindsOf, reportedDossiers, type DossierForMail, type LoggedEntryFacts, type ReportedDossier } from './dossier-lookups';
export { feedsPgi, PGI_END_STATES, PGI_EVENT_TYPES } from './pgi-feed';
export { pgiEntryWithDossier, pgiEntriesBetween, pgiDossiersById, type PgiEntry, type PgiDossier } from './pgi-sources';
export { isToldToApplicant, TOLD_TO_APPLICANT } from './disclosure';
export { rateService, ratingOf, mayRate, ratingsBetween, type ServiceRating } from './service-rating';
export { selfAssessment, periodBounds, INDICATOR_DEFINITIONS, INDICATOR_SOURCE, type AssessedDossier } from './decision-766';
export { nationalDossierAt, nationallyCodedDossiers, type NationalDossier, type NationalStep } from './national-steps';
export type { OutboxMessage } from './outbox';
