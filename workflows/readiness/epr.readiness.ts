import { z } from 'zod';
import { problem, type Problem } from '../problem';
import { missingDocumentProblems, requiredDocumentsMissingSchema } from './required-documents';

/** What the service knows about an EPR dossier when the producer presses "submit". */
export const eprFactsSchema = z.object({
  /** The recycling obligation / contribution (F = R × V × Fs) has been computed from declared volumes. */
  obligationComputed: z.boolean(),
  /** Decree 08/2022 Art 77–86: recycle at the mandatory rate or contribute to the VEPF. */
  complianceMethod: z.enum(['recycle', 'contribute']).optional(),
  requiredDocumentsMissing: requiredDocumentsMissingSchema,
});
export type EprFacts = z.infer<typeof eprFactsSchema>;

export function eprSubmissionProblems(facts: EprFacts): Problem[] {
  const problems: Problem[] = [];
  if (!facts.obligationComputed) {
    problems.push(
      problem(
        'obligation_not_computed',
        'Chưa tính nghĩa vụ tái chế hoặc khoản đóng góp (F = R × V × Fs).',
        'The recycling obligation or contribution (F = R × V × Fs) has not been computed.',
        'obligation',
      ),
    );
  }
  if (facts.complianceMethod === undefined) {
    problems.push(
      problem(
        'compliance_method_missing',
        'Chưa chọn hình thức thực hiện: tự tái chế hoặc đóng góp vào Quỹ Bảo vệ môi trường Việt Nam.',
        'Choose how to comply: recycle, or contribute to the Vietnam Environmental Protection Fund.',
        'complianceMethod',
      ),
    );
  }
  return [...problems, ...missingDocumentProblems(facts.requiredDocumentsMissing)];
}
