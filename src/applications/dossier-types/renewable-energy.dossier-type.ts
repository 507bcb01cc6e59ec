import { z } from 'zod';
import { computeSolarSurplus } from '../calculators/solar-surplus.calculator';
import { BOUNDS, quantity } from './bounds';
import type { DossierTypeDefinition } from './dossier-type';

// Strict: an unknown key is refused, not dropped (bounds and their reasons in ./bounds).
const renewableEnergyDataSchema = z
  .strictObject({
    siteAddress: z.string().trim().min(1).max(500),
    ownerKind: z.enum(['household', 'organisation']),
    capacityKw: quantity(BOUNDS.capacityKw).positive(),
    gridConnection: z.enum(['off_grid', 'grid_no_export', 'grid_surplus_sale']),
    annualOutputKwh: quantity(BOUNDS.kwhPerYear),
    surplusSoldKwh: quantity(BOUNDS.kwhPerYear),
  })
  .partial();

export type RenewableEnergyData = z.infer<typeof renewableEnergyDataSchema>;

interface SolarRecord {
  result: { withinCap: boolean | null; capPercent: number | null; surplusSharePercent: number | null };
}

/** Self-produced, self-consumed rooftop solar (Decree 135/2024, amended by Decree 58/2025). */
export const renewableEnergyDossierType: DossierTypeDefinition<RenewableEnergyData> = {
  codePrefix: 'RE',
  dataSchema: renewableEnergyDataSchema,
  computeResults(data, context) {
    const { ownerKind, capacityKw, gridConnection } = data;
    if (!ownerKind || capacityKw === undefined || !gridConnection) return {};
    try {
      return {
        solarSurplus: computeSolarSurplus({ ownerKind, capacityKw, gridConnection, annualOutputKwh: data.annualOutputKwh, surplusSoldKwh: data.surplusSoldKwh, onDate: context.onDate }),
      };
    } catch (error) {
      return { solarSurplusError: (error as Error).message };
    }
  },
  documentCircumstances: (data) => ({ gridConnection: data.gridConnection, capacityKw: data.capacityKw, ownerKind: data.ownerKind }),
  facts(data, results, requiredDocumentsMissing) {
    const solar = results.solarSurplus as SolarRecord | undefined;
    return {
      capacityKw: data.capacityKw,
      surplusSharePercent: solar?.result.surplusSharePercent ?? undefined,
      surplusCapPercent: solar?.result.capPercent ?? undefined,
      withinCaps: solar !== undefined && solar.result.withinCap !== false,
      requiredDocumentsMissing,
    };
  },
};
