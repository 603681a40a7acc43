/** What other features may use of escalations (R24). */
export { ESCALATION_HANDLERS, mayHandleEscalations } from './policy';
export {
  escalationLink,
  moveEscalation,
  onEscalationOpened,
  openEscalation,
  processOwnerOf,
  setProcessOwner,
} from './service';
