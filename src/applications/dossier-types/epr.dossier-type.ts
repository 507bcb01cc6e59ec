import { z } from 'zod';
import { computeEprObligation } from '../calculators/epr-obligation.calculator';
import { BOUNDS, quantity } from './bounds';
import type { DossierTypeDefinition } from './dossier-type';

// Strict at every level: an unknown key is refused, not dropped (bounds and their reasons in ./bounds).
const eprDataSchema = z
  .strictObject({
    reportingYear: z.number().int().min(BOUNDS.eprYear.min).max(BOUNDS.eprYear.max),
    role: z.enum(['producer', 'importer']),
    previousYearAmountVnd: z.number().int().min(0).max(BOUNDS.vnd),
    complianceMethod: z.enum(['recycle', 'contribute']),
    productLines: z
      .array(
        z.strictObject({
          productCode: z.string().trim().min(1).max(60),
          placedOnMarketKg: quantity(BOUNDS.kgPerProductLine),
          exportedKg: quantity(BOUNDS.kgPerProductLine).optional(),
        }),
      )
      .max(200),
  })
  .partial();

export type EprData = z.infer<typeof eprDataSchema>;

/** EPR (Decree 08/2022 Arts 77–86, amended by Decree 05/2025): obligation R × V, contribution R × V × Fs. */
export const eprDossierType: DossierTypeDefinition<EprData> = {
  codePrefix: 'EPR',
  dataSchema: eprDataSchema,
  computeResults(data) {
    const { reportingYear, role, previousYearAmountVnd, productLines } = data;
    if (reportingYear === undefined || !role || previousYearAmountVnd === undefined || !productLines?.length) return {};
    try {
      return { eprObligation: computeEprObligation({ reportingYear, role, previousYearAmountVnd, productLines }) };
    } catch (error) {
      return { eprObligationError: (error as Error).message };
    }
  },
  documentCircumstances: (data) => ({
    complianceMethod: data.complianceMethod,
    role: data.role,
    claimsExportExclusion: (data.productLines ?? []).some((line) => (line.exportedKg ?? 0) > 0),
  }),
  facts: (data, results, requiredDocumentsMissing) => ({
    obligationComputed: results.eprObligation !== undefined,
    complianceMethod: data.complianceMethod,
    requiredDocumentsMissing,
  }),
};
