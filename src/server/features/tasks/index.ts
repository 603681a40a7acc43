/**
 * What other features may use of tasks: creating the parent task on assignment (R14–R17), and the
 * workflow primitives deliverables, revisions and reviews build on (R18–R23).
 */
export {
  addSystemComment,
  insertTask,
  type NewTask,
  type PricedItem,
  plannedDatesComment,
} from './create';
export { taskHistory } from './history';
export { type TaskFacts, WAITING_FOR_APPROVAL } from './policy';
export { findTask, listSubtasksOf, listTaskItems, type TaskRow } from './queries';
export { ensureContractorLinked, type TaskScope, taskScopeOf } from './scope';
export {
  assertMayTake,
  assertVersion,
  completeSubtasksOfKinds,
  loadTask,
  statusChange,
  writeTask,
} from './workflow';
export { finalDueDate, findLateSubtasks, findPendingRound } from './workflow-queries';
