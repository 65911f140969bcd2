const LINK = 'text-indigo-600 hover:underline dark:text-indigo-400 break-all';

/** An e-mail address as a `mailto:` link ("—" when there is none). */
export function EmailLink({ value }: { value: string | null | undefined }) {
  if (!value) return <>—</>;
  return (
    <a className={LINK} href={`mailto:${value}`}>
      {value}
    </a>
  );
}

/** A phone number as a `tel:` link (digits and a leading + only in the link). */
export function PhoneLink({ value }: { value: string | null | undefined }) {
  if (!value) return <>—</>;
  const dial = value.replace(/(?!^\+)[^\d]/g, '');
  if (dial.replace('+', '') === '') return <>{value}</>;
  return (
    <a className={LINK} href={`tel:${dial}`}>
      {value}
    </a>
  );
}

/**
 * A website as a link in a new tab — only http(s) (`example.com` becomes `https://example.com`); anything
 * else (`javascript:`…) is shown as text, never linked.
 */
export function WebsiteLink({ value }: { value: string | null | undefined }) {
  if (!value) return <>—</>;
  const href = /^https?:\/\//i.test(value)
    ? value
    : /^[\w.-]+\.[a-z]{2,}(\/.*)?$/i.test(value)
      ? `https://${value}`
      : null;
  if (!href) return <>{value}</>;
  return (
    <a className={LINK} href={href} target="_blank" rel="noopener noreferrer">
      {value}
    </a>
  );
}
