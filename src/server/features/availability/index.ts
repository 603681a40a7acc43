/** What other features may use of availability (R8): the planner avoids these ranges. */
export { unavailableRanges } from './queries';
