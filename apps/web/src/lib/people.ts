/** A member of the current company, as other screens need them (pickers, names for ids). */
export interface Person {
  userId: string;
  name: string;
  email: string;
}

/**
 * The company's people, handed to a feature by the app (features do not import each other). `people` is
 * undefined while loading or when the user may not list members.
 */
export interface PeopleDirectory {
  people: readonly Person[] | undefined;
  isLoading: boolean;
  error: unknown;
}

/** Name of a user id, or a shortened id when unknown. */
export function personName(directory: PeopleDirectory, userId: string): string {
  return directory.people?.find((person) => person.userId === userId)?.name ?? `User ${userId.slice(0, 8)}`;
}
