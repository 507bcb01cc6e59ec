/**
 * Rooftop solar (self-produced, self-consumed) legal values: Decree 135/2024/ND-CP (from 22 Oct 2024), amended
 * by Decree 58/2025/ND-CP. Shipped defaults; the calculator takes the tables as a parameter.
 */
import type { LegalProvenance } from './legal-value';

export type SolarOwnerKind = 'household' | 'organisation';

export interface SolarSurplusCap extends LegalProvenance {
  readonly ownerKind: SolarOwnerKind;
  /** Applies to systems of at least this capacity (kW), when set. */
  readonly minCapacityKw?: number;
  /** Applies to systems strictly below this capacity (kW), when set. */
  readonly belowCapacityKw?: number;
  /** Surplus sold to the grid may not exceed this share of actual output. */
  readonly capPercent: number;
}

export interface SolarLicenceThreshold extends LegalProvenance {
  /** Systems selling surplus at or above this capacity need an electricity licence and must fit the power plan. */
  readonly licenceRequiredFromKw: number;
}

const DOMAIN_NOTES = 'Project domain notes (DOMAIN.md §3), compiled from public law portals and news';
const DECREE_135 = 'Decree 135/2024/ND-CP';
const DECREE_58_AMENDED = 'Decree 135/2024/ND-CP as amended by Decree 58/2025/ND-CP';
// Decree 58/2025 took effect on signature (3 Mar 2025) as far as we know; unverified.
const DECREE_58_EFFECTIVE = '2025-03-03';

export const SOLAR_SURPLUS_CAPS: readonly SolarSurplusCap[] = [
  {
    ownerKind: 'household',
    belowCapacityKw: 100,
    capPercent: 20,
    effectiveFrom: '2024-10-22',
    source: DOMAIN_NOTES,
    legalBasis: DECREE_135,
    verified: true,
  },
  {
    ownerKind: 'organisation',
    capPercent: 10,
    effectiveFrom: '2024-10-22',
    effectiveTo: '2025-03-02',
    source: DOMAIN_NOTES,
    legalBasis: DECREE_135,
    verified: false,
    note: 'Organisation cap of 10 % before Decree 58/2025: unverified default.',
  },
  {
    ownerKind: 'organisation',
    capPercent: 20,
    effectiveFrom: DECREE_58_EFFECTIVE,
    source: DOMAIN_NOTES,
    legalBasis: DECREE_58_AMENDED,
    verified: false,
    note: 'Organisation cap of 20 % after Decree 58/2025 and its start date: unverified default.',
  },
  {
    ownerKind: 'household',
    minCapacityKw: 100,
    capPercent: 10,
    effectiveFrom: '2024-10-22',
    effectiveTo: '2025-03-02',
    source: 'ASSUMPTION: households of 100 kW or more follow the organisation cap',
    legalBasis: DECREE_135,
    verified: false,
  },
  {
    ownerKind: 'household',
    minCapacityKw: 100,
    capPercent: 20,
    effectiveFrom: DECREE_58_EFFECTIVE,
    source: 'ASSUMPTION: households of 100 kW or more follow the organisation cap',
    legalBasis: DECREE_58_AMENDED,
    verified: false,
  },
];

export const SOLAR_LICENCE_THRESHOLDS: readonly SolarLicenceThreshold[] = [
  {
    licenceRequiredFromKw: 1_000,
    effectiveFrom: '2024-10-22',
    source: DOMAIN_NOTES,
    legalBasis: `${DECREE_135}; Electricity Law 2024`,
    verified: true,
  },
];

export interface SolarLegalTables {
  readonly surplusCaps: readonly SolarSurplusCap[];
  readonly licenceThresholds: readonly SolarLicenceThreshold[];
}

export const DEFAULT_SOLAR_LEGAL_TABLES: SolarLegalTables = {
  surplusCaps: SOLAR_SURPLUS_CAPS,
  licenceThresholds: SOLAR_LICENCE_THRESHOLDS,
};
