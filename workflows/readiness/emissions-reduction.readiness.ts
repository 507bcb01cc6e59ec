import { z } from 'zod';
import { problem, type Problem } from '../problem';
import { missingDocumentProblems, requiredDocumentsMissingSchema } from './required-documents';

/** What the service knows about a GHG inventory / reduction-plan dossier (Decree 06/2022, 119/2025). */
export const emissionsReductionFactsSchema = z.object({
  /** Every emission source of the reporting period has activity data and a factor with its year. */
  inventoryComplete: z.boolean(),
  requiredDocumentsMissing: requiredDocumentsMissingSchema,
});
export type EmissionsReductionFacts = z.infer<typeof emissionsReductionFactsSchema>;

export function emissionsReductionSubmissionProblems(facts: EmissionsReductionFacts): Problem[] {
  const problems: Problem[] = [];
  if (!facts.inventoryComplete) {
    problems.push(
      problem(
        'inventory_incomplete',
        'Kiểm kê khí nhà kính chưa đầy đủ: còn nguồn phát thải thiếu số liệu hoạt động hoặc hệ số.',
        'The greenhouse-gas inventory is incomplete: some sources lack activity data or a factor.',
        'inventory',
      ),
    );
  }
  return [...problems, ...missingDocumentProblems(facts.requiredDocumentsMissing)];
}
