import pg from 'pg';

/** Runs one statement on the TEST_DATABASE_URL database (used to create and drop per-file databases). */
export const adminQuery = async (url: string, text: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
};

export const templateName = () => `tessera_tpl_${process.pid}`;

export const databaseUrl = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.href;
};
