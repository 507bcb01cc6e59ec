import { z } from 'zod';
import { problem, type Problem } from '../problem';
import { missingDocumentProblems, requiredDocumentsMissingSchema } from './required-documents';

/** What the service knows about a rooftop-solar registration (Decree 135/2024, amended by 58/2025). */
export const renewableEnergyFactsSchema = z.object({
  capacityKw: z.number().optional(),
  /** Share of output the applicant plans to sell to the grid. */
  surplusSharePercent: z.number().min(0).max(100).optional(),
  /** The cap that applies to this applicant (from the versioned legal table; the calculator picks it). */
  surplusCapPercent: z.number().min(0).max(100).optional(),
  /** The calculator's verdict on every cap (capacity, surplus share, licence threshold). */
  withinCaps: z.boolean(),
  requiredDocumentsMissing: requiredDocumentsMissingSchema,
});
export type RenewableEnergyFacts = z.infer<typeof renewableEnergyFactsSchema>;

export function renewableEnergySubmissionProblems(facts: RenewableEnergyFacts): Problem[] {
  const problems: Problem[] = [];
  if (facts.capacityKw === undefined || facts.capacityKw <= 0) {
    problems.push(
      problem(
        'capacity_missing',
        'Chưa khai công suất lắp đặt (kW) của hệ thống.',
        'The installed capacity (kW) of the system has not been declared.',
        'capacityKw',
      ),
    );
  }
  const shareAboveCap =
    facts.surplusSharePercent !== undefined &&
    facts.surplusCapPercent !== undefined &&
    facts.surplusSharePercent > facts.surplusCapPercent;
  if (shareAboveCap) {
    problems.push(
      problem(
        'surplus_above_cap',
        `Tỷ lệ sản lượng dư bán lên lưới (${facts.surplusSharePercent} %) vượt mức tối đa ${facts.surplusCapPercent} %.`,
        `The surplus share sold to the grid (${facts.surplusSharePercent} %) exceeds the cap of ${facts.surplusCapPercent} %.`,
        'surplusSharePercent',
      ),
    );
  }
  // The calculator may find other cap breaches (e.g. ≥ 1,000 kW selling surplus without a licence); say so
  // generically unless the surplus share already explains it.
  if (!facts.withinCaps && !shareAboveCap) {
    problems.push(
      problem(
        'outside_caps',
        'Hệ thống vượt giới hạn áp dụng cho hình thức tự sản xuất, tự tiêu thụ.',
        'The system exceeds the limits that apply to self-production for self-consumption.',
        'capacityKw',
      ),
    );
  }
  return [...problems, ...missingDocumentProblems(facts.requiredDocumentsMissing)];
}
