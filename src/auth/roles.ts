/** Everyone who can sign in has exactly one role; the anonymous public has none. */
export const ROLES = ['business', 'ic_operator', 'officer', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];
