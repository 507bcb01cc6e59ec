import { EMISSIONS_REDUCTION_PROCEDURE } from './emissions-reduction.procedure.data';
import { EPR_PROCEDURE } from './epr.procedure.data';
import { GREEN_TRANSFORMATION_PROCEDURE } from './green-transformation.procedure.data';
import { defaultValue } from './procedure-data.helpers';
import type { ProcedureDefinition, SourcedValue } from './procedure-catalogue.types';
import { RENEWABLE_ENERGY_PROCEDURE } from './renewable-energy.procedure.data';

/** The shipped catalogue; the database copy an administrator edits replaces it at run time. */
export const DEFAULT_PROCEDURE_CATALOGUE: readonly ProcedureDefinition[] = [
  GREEN_TRANSFORMATION_PROCEDURE,
  EPR_PROCEDURE,
  RENEWABLE_ENERGY_PROCEDURE,
  EMISSIONS_REDUCTION_PROCEDURE,
];

/**
 * The form set of the one-stop process every procedure uses (src/one-stop-forms): Circular 01/2018/TT-VPCP,
 * forms 01 (receipt and appointment), 03 (refusal to receive), 04 (apology and new appointment). Decree
 * 118/2025/NĐ-CP replaced Decrees 61/2018 and 107/2021; whether a circular under it replaced Circular 01/2018
 * and its forms was looked up on 2026-12-06 in the sources available here (stored legal portals and pages) and
 * nothing was found either way: unverified until the DOIT's legal department confirms it.
 */
export const ONE_STOP_FORM_SET: SourcedValue<string> = defaultValue(
  'Thông tư 01/2018/TT-VPCP',
  'Searched 2026-12-06 for a circular under Decree 118/2025/ND-CP replacing Circular 01/2018/TT-VPCP and its forms 01-06: none found in the sources available; to be confirmed by the DOIT.',
);
