/** What a petition (kiến nghị) is about; the briefing groups petitions by these, in this order. */
export const PETITION_TOPICS = ['epr', 'renewable_energy', 'emissions', 'green_transformation', 'procedures', 'infrastructure', 'other'] as const;
export type PetitionTopic = (typeof PETITION_TOPICS)[number];

export const PETITION_STATUSES = ['received', 'assigned', 'answered', 'closed'] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];

/** Still waiting for the department: the briefing lists these as open items. */
export const OPEN_STATUSES: readonly PetitionStatus[] = ['received', 'assigned'];

export const PETITION_ACTIONS = ['assign', 'answer', 'close'] as const;
export type PetitionAction = (typeof PETITION_ACTIONS)[number];

/**
 * Which status each action may start from and where it leads. Reassigning an assigned petition is allowed
 * (the unit was wrong); answering again after an answer is not, so a published response is never silently
 * replaced: the officer closes it or files a follow-up.
 */
export const PETITION_TRANSITIONS: Record<PetitionAction, { from: readonly PetitionStatus[]; to: PetitionStatus }> = {
  assign: { from: ['received', 'assigned'], to: 'assigned' },
  answer: { from: ['assigned'], to: 'answered' },
  close: { from: ['answered'], to: 'closed' },
};
