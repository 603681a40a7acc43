/**
 * What other features may use of notifications (R31): `notify` in their own transaction, the
 * event hooks that notify the right people and emit webhooks, and the links to act.
 */
export { deliverOutbound } from './deliver';
export { onTaskAssigned } from './events';
export {
  DELIVER_OUTBOUND_JOB,
  type NotifyInput,
  notify,
  preferencesFor,
  requestLink,
  taskLink,
  triagers,
} from './notify';
