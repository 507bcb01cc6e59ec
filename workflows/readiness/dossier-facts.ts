import { z } from 'zod';
import { emissionsReductionFactsSchema, type EmissionsReductionFacts } from './emissions-reduction.readiness';
import { eprFactsSchema, type EprFacts } from './epr.readiness';
import { greenTransformationFactsSchema, type GreenTransformationFacts } from './green-transformation.readiness';
import { renewableEnergyFactsSchema, type RenewableEnergyFacts } from './renewable-energy.readiness';

/** Facts of any dossier type; each machine narrows this with its own schema in the submission guard. */
export type DossierFacts = EprFacts | RenewableEnergyFacts | EmissionsReductionFacts | GreenTransformationFacts;

export const dossierFactsSchema: z.ZodType<DossierFacts> = z.union([
  eprFactsSchema,
  renewableEnergyFactsSchema,
  emissionsReductionFactsSchema,
  greenTransformationFactsSchema,
]);
