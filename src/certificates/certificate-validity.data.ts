import type { WorkflowType } from '../../workflows/workflow-types';

/**
 * How long a certificate of each type stays valid, in years (null: until revoked). Data, not code: none of
 * these periods was verified against the law (DOMAIN.md §4 says "make it a setting"), so each is labelled.
 */
export const CERTIFICATE_VALIDITY: Record<WorkflowType, { years: number | null; source: string; verified: boolean }> = {
  green_transformation: { years: 5, source: 'Default; Decree 35/2022 Art 40 validity not verified', verified: false },
  epr: { years: 1, source: 'Default: an EPR confirmation covers one reporting year', verified: false },
  renewable_energy: { years: null, source: 'Default: a registration stays valid while the system is unchanged', verified: false },
  emissions_reduction: { years: 2, source: 'Default: facility inventories are due every 2 years (Decree 06/2022)', verified: false },
};
