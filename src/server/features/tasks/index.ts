/** What other features may use of tasks: creating the parent task on assignment (R14–R17). */
export {
  addSystemComment,
  insertTask,
  type NewTask,
  type PricedItem,
  plannedDatesComment,
} from './create';
export { type TaskScope, taskScopeOf } from './scope';
