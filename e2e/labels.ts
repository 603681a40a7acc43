import type { Section } from '../src/contracts/roles';

// The labels a person reads in the sidebar; kept here so a renamed link fails a test on purpose.
export const SECTION_LABELS: Record<Section, string> = {
  'my-work': 'My work',
  requests: 'Requests',
  board: 'Board',
  calendar: 'Calendar',
  clients: 'Clients',
  contractors: 'Contractors',
  availability: 'Availability',
  invoices: 'Invoices',
  reports: 'Reports',
  escalations: 'Escalations',
  announcements: 'Announcements',
  settings: 'Settings',
};
