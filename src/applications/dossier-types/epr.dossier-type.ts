import { z } from 'zod';
import { computeEprObligation } from '../calculators/epr-obligation.calculator';
import type { DossierTypeDefinition } from './dossier-type';

const eprDataSchema = z
  .object({
    reportingYear: z.number().int().min(2024).max(2100),
    role: z.enum(['producer', 'importer']),
    previousYearAmountVnd: z.number().int().min(0),
    complianceMethod: z.enum(['recycle', 'contribute']),
    productLines: z
      .array(
        z.object({
          productCode: z.string().trim().min(1).max(60),
          placedOnMarketKg: z.number().min(0),
          exportedKg: z.number().min(0).optional(),
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
