import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Navigate,
  Outlet,
} from '@tanstack/react-router';
import { SECTIONS, type Section } from '../contracts/roles';
import { Shell } from './components/Shell';
import { EmptyState, ErrorNotice, Spinner } from './components/ui';
import { SignInPage } from './features/auth/SignInPage';
import { SectionPlaceholder } from './features/placeholders/SectionPlaceholder';
import { SECTION_INFO } from './lib/sections';
import { useMe, useSetupStatus } from './lib/session';

const rootRoute = createRootRoute({ component: Outlet });

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  component: SignInPage,
});
const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  component: lazyRouteComponent(() => import('./features/auth/SetupPage'), 'SetupPage'),
});
const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invite/$token',
  component: lazyRouteComponent(() => import('./features/auth/InvitePage'), 'InvitePage'),
});
const outboxRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dev/outbox',
  component: lazyRouteComponent(() => import('./features/auth/DevOutboxPage'), 'DevOutboxPage'),
});

/** Signed-in area: sends visitors to sign-in (or first-run setup) and frames pages in the shell. */
function SignedInArea() {
  const me = useMe();
  const setup = useSetupStatus();
  if (me.isPending)
    return (
      <div className="p-8">
        <Spinner label="Loading Handoff" />
      </div>
    );
  if (me.isError) return <ErrorNotice error={me.error} />;
  if (!me.data) {
    if (setup.isPending)
      return (
        <div className="p-8">
          <Spinner label="Loading" />
        </div>
      );
    if (setup.data?.needsSetup) return <Navigate to="/setup" />;
    const next = window.location.pathname + window.location.search;
    return <Navigate to="/sign-in" search={{ next } as never} />;
  }
  if (!me.data.current) {
    return (
      <EmptyState title="You're not in a workspace yet">
        Ask your agency's admin for an invitation link.
      </EmptyState>
    );
  }
  return <Shell me={me.data} />;
}

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  component: SignedInArea,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: () => <Navigate to="/my-work" />,
});

/** Screens that have landed; the rest show an honest placeholder. */
const SCREENS: Partial<Record<Section, ReturnType<typeof lazyRouteComponent>>> = {
  settings: lazyRouteComponent(() => import('./features/settings/SettingsPage'), 'SettingsPage'),
  reports: lazyRouteComponent(() => import('./features/reports/ReportsPage'), 'ReportsPage'),
  clients: lazyRouteComponent(() => import('./features/clients/ClientsPage'), 'ClientsPage'),
  contractors: lazyRouteComponent(
    () => import('./features/contractors/ContractorsPage'),
    'ContractorsPage',
  ),
  availability: lazyRouteComponent(
    () => import('./features/availability/AvailabilityPage'),
    'AvailabilityPage',
  ),
  requests: lazyRouteComponent(() => import('./features/requests/RequestsPage'), 'RequestsPage'),
  board: lazyRouteComponent(() => import('./features/tasks/BoardPage'), 'BoardPage'),
  calendar: lazyRouteComponent(() => import('./features/calendar/CalendarPage'), 'CalendarPage'),
  'my-work': lazyRouteComponent(() => import('./features/my-work/MyWorkPage'), 'MyWorkPage'),
  invoices: lazyRouteComponent(() => import('./features/invoices/InvoicesPage'), 'InvoicesPage'),
  escalations: lazyRouteComponent(
    () => import('./features/escalations/EscalationsPage'),
    'EscalationsPage',
  ),
  announcements: lazyRouteComponent(
    () => import('./features/announcements/AnnouncementsPage'),
    'AnnouncementsPage',
  ),
};

/** A section the person's role may not open shows a clear refusal rather than a broken page. */
function guarded(section: Section, Screen: React.ComponentType) {
  return function GuardedSection() {
    const me = useMe();
    if (!me.data?.current?.sections.includes(section)) {
      return (
        <EmptyState title="Not available for your role">
          This part of Handoff isn't part of your work here.
        </EmptyState>
      );
    }
    return <Screen />;
  };
}

/** Personal settings (notifications, calendar feeds, API tokens): every role, not a section. */
const mySettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/me/settings',
  component: lazyRouteComponent(() => import('./features/me/MySettingsPage'), 'MySettingsPage'),
});

const sectionRoutes = SECTIONS.map((section) =>
  createRoute({
    getParentRoute: () => appRoute,
    path: `${SECTION_INFO[section].path}`,
    component: guarded(
      section,
      SCREENS[section] ?? (() => <SectionPlaceholder section={section} />),
    ),
  }),
);

const routeTree = rootRoute.addChildren([
  signInRoute,
  setupRoute,
  inviteRoute,
  outboxRoute,
  appRoute.addChildren([indexRoute, mySettingsRoute, ...sectionRoutes]),
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent' });
