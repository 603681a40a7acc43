/** What other features may use of time logs (R28): nothing yet beyond the routes. */
export { taskTimeLogs, timeWeek } from './service';
