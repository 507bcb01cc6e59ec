import { z } from 'zod';
import { problem, type Problem } from '../problem';

/**
 * Document codes (from the procedure catalogue) that the service found missing. The workflow does not know
 * the catalogue; it only refuses a submission while the list is non-empty, naming each code, so one
 * request lists everything missing at once.
 */
export const requiredDocumentsMissingSchema = z.array(z.string().min(1));

export function missingDocumentProblems(missing: readonly string[]): Problem[] {
  return missing.map((code) =>
    problem(
      'document_missing',
      `Thiếu tài liệu bắt buộc: ${code}.`,
      `Required document missing: ${code}.`,
      `documents.${code}`,
    ),
  );
}

/** Turns a facts schema failure into reasons, so a malformed facts object is refused, never thrown on. */
export function factsShapeProblems(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return problem(
      'dossier_facts_invalid',
      `Dữ liệu hồ sơ không hợp lệ${path ? ` (${path})` : ''}: ${issue.message}`,
      `Dossier facts are invalid${path ? ` (${path})` : ''}: ${issue.message}`,
      path ? `dossier.${path}` : 'dossier',
    );
  });
}
