/**
 * A value made on first use, then shared: for dependencies that only some requests, jobs or configurations
 * need (PDF rendering, SMTP, S3, Redis, file sniffing), loaded with `import()` inside `make` so that they are
 * not loaded, compiled and linked at every start-up. A failed `make` is retried by the next call.
 */
export const lazy = <T>(make: () => Promise<T>): (() => Promise<T>) => {
  let made: Promise<T> | undefined;
  return () => {
    made ??= make().catch((err: unknown) => {
      made = undefined;
      throw err;
    });
    return made;
  };
};
