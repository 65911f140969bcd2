/** Only same-site paths are accepted as `?next=` (no `//evil.example`, no absolute URLs). */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

/** `/login?next=<path>` for the page the user was on (plain `/login` from the dashboard). */
export function loginPath(location: { pathname: string; search?: string }): string {
  const here = `${location.pathname}${location.search ?? ''}`;
  return here === '/' || here.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(here)}`;
}
