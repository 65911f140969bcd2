import type { PeopleDirectory } from '../../lib/people';
import type { SelectOption } from '../ui/form-field';

/**
 * Owner / assignee choices: "Me" first, then the other members when the user may list them (without
 * `members.view` the directory is empty and only "Me" is offered).
 */
export function personOptions(directory: PeopleDirectory, myId: string, myName: string): SelectOption[] {
  const others = (directory.people ?? [])
    .filter((person) => person.userId !== myId)
    .map((person) => ({ value: person.userId, label: person.name }));
  return [{ value: myId, label: `Me (${myName})` }, ...others];
}

/** Display name of an owner id: "Me" for the signed-in user, the member's name, or a short id. */
export function ownerLabel(
  directory: PeopleDirectory,
  myId: string,
  ownerId: string | null | undefined,
): string {
  if (!ownerId) return 'Unassigned';
  if (ownerId === myId) return 'Me';
  return directory.people?.find((person) => person.userId === ownerId)?.name ?? `User ${ownerId.slice(0, 8)}`;
}
