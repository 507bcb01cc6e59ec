import { z } from 'zod';
import { problem, type Problem } from '../problem';
import { missingDocumentProblems, requiredDocumentsMissingSchema } from './required-documents';

/** What the service knows about an eco-industrial-park / eco-enterprise application (Decree 35/2022). */
export const greenTransformationFactsSchema = z.object({
  /** The applicant's self-assessment against Art 37 criteria shows every criterion met. */
  criteriaMet: z.boolean(),
  /** Codes of the Art 37 criteria not met (e.g. `industrial_symbiosis`). */
  unmetCriteria: z.array(z.string().min(1)),
  requiredDocumentsMissing: requiredDocumentsMissingSchema,
});
export type GreenTransformationFacts = z.infer<typeof greenTransformationFactsSchema>;

export function greenTransformationSubmissionProblems(facts: GreenTransformationFacts): Problem[] {
  const problems: Problem[] = facts.unmetCriteria.map((criterion) =>
    problem(
      'criterion_unmet',
      `Chưa đáp ứng tiêu chí: ${criterion}.`,
      `Criterion not met: ${criterion}.`,
      `criteria.${criterion}`,
    ),
  );
  // A "not met" verdict without a named criterion would otherwise be refused with no reason to act on.
  if (!facts.criteriaMet && facts.unmetCriteria.length === 0) {
    problems.push(
      problem(
        'criteria_not_met',
        'Bản tự đánh giá chưa đáp ứng các tiêu chí tại Điều 37 Nghị định 35/2022/NĐ-CP.',
        'The self-assessment does not meet the criteria of Decree 35/2022/ND-CP Art 37.',
        'criteria',
      ),
    );
  }
  return [...problems, ...missingDocumentProblems(facts.requiredDocumentsMissing)];
}
