import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';

/** The query parameter that opens a list page's "New …" dialog on arrival (`/leads?new=1`: the command palette). */
export const CREATE_PARAM = 'new';

/**
 * Whether a page's create dialog is open: opened by its button, or by `?new=1` in the address (a link or the
 * command palette). Closing it drops the parameter, so going back or reloading does not open it again.
 */
export function useCreateDialog(): [boolean, (open: boolean) => void] {
  const [params, setParams] = useSearchParams();
  const [opened, setOpened] = useState(false);
  const fromUrl = params.get(CREATE_PARAM) === '1';
  const setOpen = useCallback(
    (open: boolean) => {
      setOpened(open);
      if (!open && fromUrl)
        setParams(
          (current) => {
            const next = new URLSearchParams(current);
            next.delete(CREATE_PARAM);
            return next;
          },
          { replace: true },
        );
    },
    [fromUrl, setParams],
  );
  return [opened || fromUrl, setOpen];
}
