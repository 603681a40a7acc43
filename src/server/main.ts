import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db';
import { demoCredentialsText, seedDemo } from './demo/seed';
import { countUsers } from './features/workspaces/queries';
import { JOBS, startJobs } from './jobs';
import { startFastTicks } from './live/fast-ticks';
import { migrateAll } from './migrate';

/**
 * Entry: config → database → migrations → demo seed on an empty database → live-updates listener
 * → scheduler → listen. app.close() ends open event streams and stops the listener.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = openDatabase(config.databaseUrl);
  await migrateAll(config, database);
  const { app, ctx, live } = await buildApp(config, database);
  if (config.seedDemo && (await countUsers(database.db)) === 0) {
    await seedDemo(ctx);
    console.log(`\n${demoCredentialsText(config.publicUrl)}\n`);
  }
  await live.start();
  const scheduler = await startJobs(ctx);
  const stopFastTicks = config.jobsTickIntervalMs
    ? startFastTicks(
        scheduler,
        JOBS.map((j) => j.name),
        config.jobsTickIntervalMs,
      )
    : () => {};
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    stopFastTicks();
    await scheduler.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  console.log(`Handoff is running on ${config.publicUrl} (database: ${database.dialect})`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
