import {
  BarChart3,
  Briefcase,
  CalendarDays,
  CalendarOff,
  Inbox,
  KanbanSquare,
  ListChecks,
  Megaphone,
  Receipt,
  Settings,
  Siren,
  Users,
} from 'lucide-react';
import type { ReactNode } from 'react';
import type { Section } from '../../contracts/roles';

export interface SectionInfo {
  path: string;
  label: string;
  icon: ReactNode;
  /** The key that jumps here after pressing G (Linear-style "g then r"). */
  key: string;
}

export const SECTION_INFO: Record<Section, SectionInfo> = {
  'my-work': { path: '/my-work', label: 'My work', icon: <ListChecks size={16} />, key: 'm' },
  requests: { path: '/requests', label: 'Requests', icon: <Inbox size={16} />, key: 'r' },
  board: { path: '/board', label: 'Board', icon: <KanbanSquare size={16} />, key: 'b' },
  calendar: { path: '/calendar', label: 'Calendar', icon: <CalendarDays size={16} />, key: 'c' },
  clients: { path: '/clients', label: 'Clients', icon: <Briefcase size={16} />, key: 'l' },
  contractors: { path: '/contractors', label: 'Contractors', icon: <Users size={16} />, key: 'o' },
  availability: {
    path: '/availability',
    label: 'Availability',
    icon: <CalendarOff size={16} />,
    key: 'a',
  },
  invoices: { path: '/invoices', label: 'Invoices', icon: <Receipt size={16} />, key: 'i' },
  reports: { path: '/reports', label: 'Reports', icon: <BarChart3 size={16} />, key: 'p' },
  escalations: {
    path: '/escalations',
    label: 'Escalations',
    icon: <Siren size={16} />,
    key: 'e',
  },
  announcements: {
    path: '/announcements',
    label: 'Announcements',
    icon: <Megaphone size={16} />,
    key: 'n',
  },
  settings: { path: '/settings', label: 'Settings', icon: <Settings size={16} />, key: 's' },
};
