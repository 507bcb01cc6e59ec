import { z } from 'zod';
import { computeGhgEmissions } from '../calculators/ghg-emissions.calculator';
import { checkGhgInventoryCompleteness } from '../calculators/ghg-inventory-completeness';
import { BOUNDS, quantity } from './bounds';
import type { DossierTypeDefinition } from './dossier-type';

// Strict at every level: an unknown key is refused, not dropped (bounds and their reasons in ./bounds).
const emissionsReductionDataSchema = z
  .strictObject({
    facilityName: z.string().trim().min(1).max(300),
    contactPerson: z.string().trim().min(1).max(200),
    sectorCode: z.string().trim().min(1).max(20),
    dataYear: z.number().int().min(BOUNDS.ghgYear.min).max(BOUNDS.ghgYear.max),
    operationalBoundary: z.string().trim().min(1).max(2000),
    electricityMwh: quantity(BOUNDS.electricityMwh),
    fuelLines: z.array(z.strictObject({ fuelCode: z.string().trim().min(1).max(40), quantity: quantity(BOUNDS.fuelQuantity) })).max(100),
    annualEnergyToe: quantity(BOUNDS.energyToe),
    annualWasteTonnes: quantity(BOUNDS.wasteTonnes),
    reductionTargetTco2e: quantity(BOUNDS.tco2e),
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
