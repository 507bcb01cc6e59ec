/**
 * Who hears of an accepted petition change (the PGI projector, registered by the composition root). A listener
 * runs after the change is stored, so its failure must not fail the request: the maintenance sweep projects
 * whatever a listener missed, and each listener logs its own errors.
 */
export type PetitionChangeListener = (changeId: string) => Promise<void>;

const listeners = new Set<PetitionChangeListener>();

/** Returns the function that removes the listener again (tests register and remove their own). */
export function onPetitionChange(listener: PetitionChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function announcePetitionChange(changeId: string): Promise<void> {
  await Promise.allSettled([...listeners].map((listener) => listener(changeId)));
}
