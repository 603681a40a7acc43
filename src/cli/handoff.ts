import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type Database from 'better-sqlite3';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db';
import { demoCredentialsText, seedDemo } from '../server/demo/seed';
import { countUsers } from '../server/features/workspaces/queries';
import { createAccount, createWorkspace } from '../server/features/workspaces/service';
import { migrateAll } from '../server/migrate';

const HELP = `handoff <command> [options]

  migrate                         create or update the database schema
  seed-demo                       seed the demo workspace into an empty database
  create-admin --email E --name N --password P --workspace "Agency name"
                                  create an admin and their workspace
  backup <file>                   online backup (SQLite) or pg_dump (PostgreSQL)
  restore <file>                  restore a backup (stop the server first)

Reads DATABASE_URL (default ./data/handoff.db).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' });
  switch (command) {
    case 'migrate': {
      const database = openDatabase(config.databaseUrl);
      const applied = await migrateAll(config, database);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
      await database.close();
      return 0;
    }
    case 'seed-demo': {
      const database = openDatabase(config.databaseUrl);
      await migrateAll(config, database);
      if ((await countUsers(database.db)) > 0) {
        console.error(
          'The database already has people in it; the demo only seeds an empty database.',
        );
        await database.close();
        return 1;
      }
      const { ctx, app } = await buildApp(config, database, { logger: false });
      await seedDemo(ctx);
      console.log(demoCredentialsText(config.publicUrl));
      await app.close();
      await database.close();
      return 0;
    }
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: {
          email: { type: 'string' },
          name: { type: 'string' },
          password: { type: 'string' },
          workspace: { type: 'string' },
          'time-zone': { type: 'string', default: 'UTC' },
          currency: { type: 'string', default: 'USD' },
        },
      });
      if (!values.email || !values.name || !values.password || !values.workspace) {
        console.error('create-admin needs --email, --name, --password and --workspace');
        return 2;
      }
      const database = openDatabase(config.databaseUrl);
      await migrateAll(config, database);
      const { ctx, app } = await buildApp(config, database, { logger: false });
      const { userId } = await createAccount(ctx, {
        email: values.email.toLowerCase(),
        name: values.name,
        password: values.password,
      });
      const workspaceId = await createWorkspace(database.db, {
        name: values.workspace,
        timeZone: values['time-zone'] ?? 'UTC',
        currency: values.currency ?? 'USD',
        adminUserId: userId,
      });
      console.log(
        `Created admin ${values.email} in workspace ${values.workspace} (${workspaceId}).`,
      );
      await app.close();
      await database.close();
      return 0;
    }
    case 'backup':
      return backup(config.databaseUrl, config.isSqlite, rest[0]);
    case 'restore':
      return restore(config.databaseUrl, config.isSqlite, rest[0]);
    default:
      console.log(HELP);
      return command && command !== 'help' ? 2 : 0;
  }
}

async function backup(url: string, isSqlite: boolean, file: string | undefined): Promise<number> {
  if (!file) {
    console.error('backup needs a file name');
    return 2;
  }
  const target = resolve(file);
  if (isSqlite) {
    const database = openDatabase(url);
    // SQLite's online backup API copies a consistent snapshot while the app keeps running.
    await (database.opened.driver as Database.Database).backup(target);
    await database.close();
  } else {
    execFileSync('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`, url], {
      stdio: 'inherit',
    });
  }
  console.log(`Backup written to ${target}`);
  return 0;
}

async function restore(url: string, isSqlite: boolean, file: string | undefined): Promise<number> {
  if (!file || !existsSync(file)) {
    console.error('restore needs an existing backup file');
    return 2;
  }
  if (isSqlite) {
    const dbFile = resolve(url.replace(/^file:/, ''));
    for (const suffix of ['-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
    copyFileSync(resolve(file), dbFile);
  } else {
    execFileSync(
      'pg_restore',
      ['--clean', '--if-exists', '--no-owner', `--dbname=${url}`, resolve(file)],
      {
        stdio: 'inherit',
      },
    );
  }
  console.log(`Restored ${file}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
