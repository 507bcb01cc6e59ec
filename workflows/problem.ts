/**
 * A reason the workflow gives for refusing something. Both languages travel together because the same
 * reason is shown on the Vietnamese page, in the English page and in the API's problem+json body.
 */
export interface Problem {
  /** Stable, machine-readable code (snake_case); clients branch on this, never on the message. */
  code: string;
  message_vi: string;
  message_en: string;
  /** Dotted path of the field the problem is about, when there is one (for form field errors). */
  field?: string;
}

export function problem(code: string, message_vi: string, message_en: string, field?: string): Problem {
  return field === undefined ? { code, message_vi, message_en } : { code, message_vi, message_en, field };
}

/** Same code, field and message means the same reason; parallel regions can otherwise repeat one. */
export function uniqueProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}|${p.field ?? ''}|${p.message_en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
