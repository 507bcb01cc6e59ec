import { z } from 'zod';
import { computeGhgEmissions } from '../calculators/ghg-emissions.calculator';
import { checkGhgInventoryCompleteness } from '../calculators/ghg-inventory-completeness';
import type { DossierTypeDefinition } from './dossier-type';

const emissionsReductionDataSchema = z
  .object({
    facilityName: z.string().trim().min(1).max(300),
    contactPerson: z.string().trim().min(1).max(200),
    sectorCode: z.string().trim().min(1).max(20),
    dataYear: z.number().int().min(2010).max(2100),
    operationalBoundary: z.string().trim().min(1).max(2000),
    electricityMwh: z.number().min(0),
    fuelLines: z.array(z.object({ fuelCode: z.string().trim().min(1).max(40), quantity: z.number().min(0) })).max(100),
    annualEnergyToe: z.number().min(0),
    annualWasteTonnes: z.number().min(0),
    reductionTargetTco2e: z.number().min(0),
    reductionMeasures: z.array(z.string().trim().min(1).max(500)).max(50),
  })
  .partial();

export type EmissionsReductionData = z.infer<typeof emissionsReductionDataSchema>;

/** GHG inventory and reduction plan (Decree 06/2022, amended by Decree 119/2025). */
export const emissionsReductionDossierType: DossierTypeDefinition<EmissionsReductionData> = {
  codePrefix: 'GHG',
  dataSchema: emissionsReductionDataSchema,
  computeResults(data, context) {
    const results: Record<string, unknown> = { inventoryCompleteness: checkGhgInventoryCompleteness({ ...data, taxCode: context.applicantTaxCode }) };
    if (data.dataYear === undefined || data.electricityMwh === undefined) return results;
    try {
      results.ghgEmissions = computeGhgEmissions({
        dataYear: data.dataYear,
        electricityMwh: data.electricityMwh,
        fuelLines: data.fuelLines,
        annualEnergyToe: data.annualEnergyToe,
        annualWasteTonnes: data.annualWasteTonnes,
      });
    } catch (error) {
      results.ghgEmissionsError = (error as Error).message;
    }
    return results;
  },
  // Submission needs a complete inventory (facts below), so every dossier of this type files an inventory report.
  documentCircumstances: () => ({ submissionKind: 'inventory_report' }),
  facts: (_data, results, requiredDocumentsMissing) => ({
    inventoryComplete: results.ghgEmissions !== undefined && (results.inventoryCompleteness as { complete: boolean }).complete,
    requiredDocumentsMissing,
  }),
};
