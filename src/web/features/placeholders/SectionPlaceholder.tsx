import type { Section } from '../../../contracts/roles';
import { EmptyState, PageHeader } from '../../components/ui';
import { SECTION_INFO } from '../../lib/sections';

const WHAT_NEXT: Partial<Record<Section, string>> = {
  'my-work':
    'Your assignments and what waits on you will show here, with due dates in your time zone.',
  requests: 'Strategists submit task requests here; coordinators triage them by due date.',
  board: 'Parent tasks by status, from requested to client-ready.',
  calendar: 'Due dates and contractor time away, by month and week.',
  clients: 'Clients, their contracting fit and their one-sheeters.',
  contractors: 'Your contractor bench: skills, rates, availability and vetting.',
  availability:
    'Record travel, time off and other commitments so nobody plans a due date inside them.',
  invoices: 'Invoices priced from QA-passed work at the rates in force.',
  reports: 'On-time rates, revision rounds, QA first-pass rates, spend and workload.',
  announcements: 'News from the agency for everyone, contractors included.',
};

/** A section whose feature has not landed yet says what it will hold, honestly. */
export function SectionPlaceholder({ section }: { section: Section }) {
  const info = SECTION_INFO[section];
  return (
    <>
      <PageHeader title={info.label} />
      <EmptyState icon={info.icon} title={`${info.label} — coming soon`}>
        {WHAT_NEXT[section]}
      </EmptyState>
    </>
  );
}
