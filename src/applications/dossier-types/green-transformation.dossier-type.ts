import { z } from 'zod';
import { evaluateEcoCriteria } from '../calculators/eco-criteria.calculator';
import { BOUNDS } from './bounds';
import type { DossierTypeDefinition } from './dossier-type';

// Strict: an unknown key is refused, not dropped. Evidence is a percentage or yes/no, so 0–100 is its range.
const greenTransformationDataSchema = z
  .strictObject({
    certificateKind: z.enum(['eco_industrial_park', 'eco_enterprise']),
    /** Criterion id → yes/no or a percentage, the applicant's self-assessment against Decree 35/2022 Art 37. */
    evidence: z.record(z.string().regex(/^[a-z0-9_]{1,60}$/), z.union([z.boolean(), z.number().min(0).max(100)])),
    transformationPlanSummary: z.string().trim().max(5000),
    // 'YYYY-MM-DD' strings compare in calendar order.
    assessmentDate: z.iso.date().refine((d) => d >= BOUNDS.assessmentDate.from && d <= BOUNDS.assessmentDate.to, `a date from ${BOUNDS.assessmentDate.from} to ${BOUNDS.assessmentDate.to}`),
  })
  .partial();

export type GreenTransformationData = z.infer<typeof greenTransformationDataSchema>;

interface EcoRecord {
  result: { criteriaMet: boolean; unmetCriteria: { id: string }[] };
}

/** Eco-industrial park / eco-enterprise recognition (Decree 35/2022 Arts 37 and 40). */
export const greenTransformationDossierType: DossierTypeDefinition<GreenTransformationData> = {
  codePrefix: 'GT',
  dataSchema: greenTransformationDataSchema,
  computeResults(data) {
    if (!data.certificateKind || !data.assessmentDate) return {};
    try {
      return { ecoCriteria: evaluateEcoCriteria({ certificateKind: data.certificateKind, evidence: data.evidence ?? {}, onDate: data.assessmentDate }) };
    } catch (error) {
      return { ecoCriteriaError: (error as Error).message };
    }
  },
  documentCircumstances: (data) => ({ certificateKind: data.certificateKind }),
  facts(_data, results, requiredDocumentsMissing) {
    const eco = results.ecoCriteria as EcoRecord | undefined;
    return {
      criteriaMet: eco?.result.criteriaMet ?? false,
      unmetCriteria: eco ? eco.result.unmetCriteria.map((c) => c.id) : ['criteria_not_assessed'],
      requiredDocumentsMissing,
    };
  },
};
