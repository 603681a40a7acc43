import { ROLES, type Role } from '../domain/roles';

export { isRole, ROLE_LABELS, ROLES, type Role } from '../domain/roles';

/** Staff are the agency's own people; contractors are external (R5). */
export const STAFF_ROLES: readonly Role[] = ['admin', 'coordinator', 'strategist', 'qa', 'finance'];

/** Sections of the app and who may open them; the server sends each person their own list. */
export const SECTIONS = [
  'my-work',
  'requests',
  'board',
  'calendar',
  'clients',
  'contractors',
  'availability',
  'invoices',
  'reports',
  'escalations',
  'announcements',
  'settings',
] as const;
export type Section = (typeof SECTIONS)[number];

const SECTION_ROLES: Record<Section, readonly Role[]> = {
  'my-work': ROLES,
  requests: ['admin', 'coordinator', 'strategist'],
  board: STAFF_ROLES,
  calendar: ROLES,
  clients: STAFF_ROLES,
  contractors: ['admin', 'coordinator', 'strategist', 'qa', 'finance'],
  availability: ['contractor'],
  invoices: ['admin', 'coordinator', 'finance', 'contractor'],
  reports: ['admin', 'coordinator', 'finance', 'strategist'],
  // Everyone may escalate (R24); a contractor sees only what he opened.
  escalations: ROLES,
  announcements: ROLES,
  settings: ['admin'],
};

/** The sections a role may open, in navigation order. */
export function sectionsFor(role: Role): Section[] {
  return SECTIONS.filter((s) => SECTION_ROLES[s].includes(role));
}
