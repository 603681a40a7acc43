/** What other features may use of requests: the triage count and the request commands. */
export { assignRequest } from './assign';
export { decodeCursor, encodeCursor } from './cursor';
export { countSubmitted, listRequests } from './queries';
export { cancelRequest, declineRequest, submitRequest, updateRequest } from './service';
