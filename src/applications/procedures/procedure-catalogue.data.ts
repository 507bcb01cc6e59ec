import { EMISSIONS_REDUCTION_PROCEDURE } from './emissions-reduction.procedure.data';
import { EPR_PROCEDURE } from './epr.procedure.data';
import { GREEN_TRANSFORMATION_PROCEDURE } from './green-transformation.procedure.data';
import type { ProcedureDefinition } from './procedure-catalogue.types';
import { RENEWABLE_ENERGY_PROCEDURE } from './renewable-energy.procedure.data';

/** The shipped catalogue; the database copy an administrator edits replaces it at run time. */
export const DEFAULT_PROCEDURE_CATALOGUE: readonly ProcedureDefinition[] = [
  GREEN_TRANSFORMATION_PROCEDURE,
  EPR_PROCEDURE,
  RENEWABLE_ENERGY_PROCEDURE,
  EMISSIONS_REDUCTION_PROCEDURE,
];
