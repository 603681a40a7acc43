import type { Role } from '../../../contracts/roles';

/**
 * Who may do what to clients (deny by default). The routes declare the same roles; these
 * predicates also drive the `abilities` the SPA reads, so the two never disagree.
 */
export const CLIENT_READERS: readonly Role[] = [
  'admin',
  'coordinator',
  'strategist',
  'qa',
  'finance',
];
export const CLIENT_EDITORS: readonly Role[] = ['admin', 'coordinator', 'strategist'];
/** R1: only a coordinator (or the admin, who can do everything) overrides fit. */
export const FIT_OVERRIDERS: readonly Role[] = ['admin', 'coordinator'];
export const CATEGORY_EDITORS: readonly Role[] = ['admin', 'coordinator'];
export const CLIENT_IMPORTERS: readonly Role[] = ['admin', 'coordinator'];
/** Contractors read briefs of their paired clients; staff may preview any brief. */
export const BRIEF_READERS: readonly Role[] = [...CLIENT_READERS, 'contractor'];

export const mayEditClient = (role: Role): boolean => CLIENT_EDITORS.includes(role);
export const mayOverrideFit = (role: Role): boolean => FIT_OVERRIDERS.includes(role);
export const mayEditOneSheeter = (role: Role): boolean => CLIENT_EDITORS.includes(role);

/** R5: a contractor needs a pairing with the client to read its brief; staff never do. */
export function mayReadBrief(role: Role, pairedWithClient: boolean): boolean {
  if (role === 'contractor') return pairedWithClient;
  return CLIENT_READERS.includes(role);
}

/** A client's strategist is a member with the strategist or admin role. */
export const mayOwnClients = (role: string): boolean => role === 'strategist' || role === 'admin';
