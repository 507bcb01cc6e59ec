export type * from './procedure-catalogue.types';
export { DEFAULT_PROCEDURE_CATALOGUE, ONE_STOP_FORM_SET } from './procedure-catalogue.data';
export { EPR_PROCEDURE } from './epr.procedure.data';
export { EMISSIONS_REDUCTION_PROCEDURE } from './emissions-reduction.procedure.data';
export { GREEN_TRANSFORMATION_PROCEDURE } from './green-transformation.procedure.data';
export { RENEWABLE_ENERGY_PROCEDURE } from './renewable-energy.procedure.data';
export type { ProcedureLookupOptions } from './required-documents';
export { findProcedure, isConditionMet, missingDocuments, requiredDocumentRules, requiredDocuments } from './required-documents';
