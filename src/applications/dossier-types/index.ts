import type { WorkflowType } from '../../../workflows/workflow-types';
import type { DossierTypeDefinition } from './dossier-type';
import { emissionsReductionDossierType } from './emissions-reduction.dossier-type';
import { eprDossierType } from './epr.dossier-type';
import { greenTransformationDossierType } from './green-transformation.dossier-type';
import { renewableEnergyDossierType } from './renewable-energy.dossier-type';

export type { DossierTypeDefinition } from './dossier-type';

export const DOSSIER_TYPES: Record<WorkflowType, DossierTypeDefinition> = {
  green_transformation: greenTransformationDossierType as DossierTypeDefinition,
  epr: eprDossierType as DossierTypeDefinition,
  renewable_energy: renewableEnergyDossierType as DossierTypeDefinition,
  emissions_reduction: emissionsReductionDossierType as DossierTypeDefinition,
};
