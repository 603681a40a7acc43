/** What other features may use of revisions: counting a QA failure as a round (R21, R23). */

export { presentRound } from './present';
export { findRound } from './queries';
export {
  loadWorkflowContext,
  openRound,
  reopenRevisionSubtasks,
  type WorkflowContext,
} from './rounds';
