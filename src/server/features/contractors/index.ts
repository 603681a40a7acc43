/** What other features may use of contractors (R5, R6, R9, R16). */

export {
  isFirstPairing,
  markBrandTrainingDone,
  type PairingScope,
  pairedClientIds,
  recordPairing,
} from './pairings';
export { isSelf, mayChangeRates, mayManageContractors, RATE_EDITORS } from './policy';
export { asStatus } from './present';
export {
  type ContractorRow,
  findContractor,
  listAllContractors,
  listContractorsByIds,
} from './queries';
export { findSelfContractor, loadAvailabilityEditable, loadVisibleContractor } from './scope';
