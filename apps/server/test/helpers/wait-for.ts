type Truthy<T> = Exclude<T, undefined | null | false | 0 | ''>;

/** Polls `check` until it returns a truthy value (or throws after `timeoutMs`). Tests never assert on time. */
export const waitFor = async <T>(
  check: () => Promise<T> | T,
  timeoutMs = 15_000,
  everyMs = 100,
): Promise<Truthy<T>> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as Truthy<T>;
    if (Date.now() > deadline) throw new Error(`waitFor: condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
};
