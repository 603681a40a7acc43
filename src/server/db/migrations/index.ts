import type { Migration } from 'kysely';
import * as foundation from './2026-11-25-01-foundation';
import * as clients from './2026-11-25-02-clients';
import * as contractors from './2026-11-25-03-contractors';
import * as requestsTasks from './2026-11-25-04-requests-tasks';
import * as notifications from './2026-11-25-05-notifications';
import * as workflow from './2026-11-25-06-workflow';
import * as community from './2026-11-25-07-community';
import * as money from './2026-11-25-08-money';
import * as performanceIndexes from './2026-11-25-09-performance-indexes';
import * as reportsIndexes from './2026-11-25-10-reports-indexes';
import * as scorecardIndexes from './2026-11-25-11-scorecard-indexes';

/** Every migration in order. Names sort by date; a new one is appended, never inserted. */
export const migrations: Record<string, Migration> = {
  '2026-11-25-01-foundation': foundation,
  '2026-11-25-02-clients': clients,
  '2026-11-25-03-contractors': contractors,
  '2026-11-25-04-requests-tasks': requestsTasks,
  '2026-11-25-05-notifications': notifications,
  '2026-11-25-06-workflow': workflow,
  '2026-11-25-07-community': community,
  '2026-11-25-08-money': money,
  '2026-11-25-09-performance-indexes': performanceIndexes,
  '2026-11-25-10-reports-indexes': reportsIndexes,
  '2026-11-25-11-scorecard-indexes': scorecardIndexes,
};
