/** What other features may use of weekly updates (R25): the reminder job asks who is missing. */
export { listMissingWeeklyUpdates } from './service';
