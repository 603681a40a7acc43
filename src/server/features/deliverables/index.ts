/** What other features may use of deliverables: the latest version number a review is about. */
export { nextVersionNumber } from './queries';
