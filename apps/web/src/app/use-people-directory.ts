import { useMemo } from 'react';
import { useMembers } from '../features/members/api/list-members';
import { usePermission } from '../hooks/use-permission';
import type { PeopleDirectory } from '../lib/people';

/**
 * The company's members for pickers in other features (teams, audit log, CRM owners and assignees), when
 * the user may list them; without `members.view` `people` stays undefined (pickers offer "Me" only).
 */
export function usePeopleDirectory(): PeopleDirectory {
  const allowed = usePermission('members.view');
  const members = useMembers({ enabled: allowed });
  return useMemo(
    () => ({
      people: members.data?.map(({ userId, name, email }) => ({ userId, name, email })),
      isLoading: allowed && members.isPending,
      error: members.error,
    }),
    [allowed, members.data, members.isPending, members.error],
  );
}
