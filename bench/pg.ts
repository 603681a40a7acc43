import pg from 'pg';

/** The server-level URL (database `postgres`) of a database URL, and the database's name. */
export function splitPgUrl(url: string): { admin: string; name: string } {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!/^[\w-]+$/.test(name)) throw new Error(`Unexpected database name "${name}"`);
  u.pathname = '/postgres';
  return { admin: u.toString(), name };
}

async function withAdmin<T>(
  url: string,
  run: (c: pg.Client, name: string) => Promise<T>,
): Promise<T> {
  const { admin, name } = splitPgUrl(url);
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    return await run(client, name);
  } finally {
    await client.end();
  }
}

export async function pgDatabaseExists(url: string): Promise<boolean> {
  return withAdmin(url, async (c, name) => {
    const res = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return (res.rowCount ?? 0) > 0;
  });
}

/** Creates the database when it does not exist yet. */
export async function ensurePgDatabase(url: string): Promise<void> {
  await withAdmin(url, async (c, name) => {
    const res = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if ((res.rowCount ?? 0) === 0) await c.query(`CREATE DATABASE "${name}"`);
  });
}

/** A fresh database copied from a template (fast: no re-generation), replacing any old one. */
export async function clonePgDatabase(templateUrl: string, url: string): Promise<void> {
  const template = splitPgUrl(templateUrl).name;
  await withAdmin(url, async (c, name) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  });
}

export async function dropPgDatabase(url: string): Promise<void> {
  await withAdmin(url, async (c, name) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

/** Renames a database (no one may be connected to it). */
export async function renamePgDatabase(url: string, newName: string): Promise<void> {
  if (!/^[\w-]+$/.test(newName)) throw new Error(`Unexpected database name "${newName}"`);
  await withAdmin(url, async (c, name) => {
    await c.query(`ALTER DATABASE "${name}" RENAME TO "${newName}"`);
  });
}

/** Drops the databases whose names start with `prefix` except `keep`. */
export async function dropPgDatabasesLike(
  url: string,
  prefix: string,
  keep: string,
): Promise<void> {
  await withAdmin(url, async (c) => {
    const res = await c.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of res.rows) {
      if (datname !== keep && /^[\w-]+$/.test(datname))
        await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
}
