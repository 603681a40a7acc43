/** What other features may use of reviews: the workspace's scrub checklist. */
export { getScrubChecklist } from './checklists';
