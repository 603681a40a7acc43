import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { LogOut, Menu, Moon, Search, UserCog } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useEffect, useState } from 'react';
import { ROLE_LABELS } from '../../contracts/roles';
import { post, setCurrentWorkspaceId } from '../lib/api';
import { useLiveUpdates } from '../lib/live';
import { SECTION_INFO } from '../lib/sections';
import type { Me } from '../lib/session';
import { CommandPalette } from './CommandPalette';
import { NotificationBell } from './NotificationBell';
import { toggleTheme } from './theme';
import { cx, Kbd } from './ui';

/** The signed-in frame: sidebar, workspace switcher, person menu, command palette. */
export function Shell({ me }: { me: Me }) {
  const current = me.current!;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const [menuOpen, setMenuOpen] = useState(false);

  useGoToShortcuts(current.sections, (to) => navigate({ to }));
  useLiveUpdates(current.workspaceId);

  const switchWorkspace = (id: string) => {
    setCurrentWorkspaceId(id);
    queryClient.clear();
    navigate({ to: '/my-work' });
  };
  const signOut = async () => {
    await post('/api/auth/sign-out');
    queryClient.clear();
    window.location.assign('/sign-in');
  };

  const nav = (
    <nav aria-label="Main" className="flex flex-col gap-0.5 px-2">
      {current.sections.map((s) => {
        const info = SECTION_INFO[s];
        const active = path === info.path || path.startsWith(`${info.path}/`);
        return (
          <Link
            key={s}
            to={info.path}
            onClick={() => setMenuOpen(false)}
            aria-current={active ? 'page' : undefined}
            className={cx(
              'flex items-center gap-2 rounded-md px-2 py-1.5 text-sm',
              active
                ? 'bg-sunken font-medium text-ink'
                : 'text-muted hover:bg-sunken hover:text-ink',
            )}
          >
            {info.icon}
            {info.label}
          </Link>
        );
      })}
    </nav>
  );

  return (
    <div className="flex min-h-screen">
      <aside
        className={cx(
          'fixed inset-y-0 left-0 z-30 flex w-56 flex-col gap-3 border-r border-line bg-panel py-3 md:static md:flex',
          menuOpen ? 'flex' : 'hidden',
        )}
      >
        <div className="px-3">
          <label className="sr-only" htmlFor="workspace-switcher">
            Workspace
          </label>
          {me.workspaces.length > 1 ? (
            <select
              id="workspace-switcher"
              value={current.workspaceId}
              onChange={(e) => switchWorkspace(e.target.value)}
              className="w-full rounded-md border border-line bg-panel px-2 py-1 text-sm font-semibold"
            >
              {me.workspaces.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          ) : (
            <div id="workspace-switcher" className="truncate px-1 text-sm font-semibold">
              {current.workspaceName}
            </div>
          )}
        </div>
        <button
          type="button"
          onClick={() =>
            window.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true }))
          }
          className="mx-3 flex items-center gap-2 rounded-md border border-line px-2 py-1 text-xs text-muted hover:bg-sunken"
        >
          <Search size={14} />
          <span className="whitespace-nowrap">Search or jump…</span>
          <span className="ml-auto whitespace-nowrap">
            <Kbd>Ctrl K</Kbd>
          </span>
        </button>
        <NotificationBell timeZone={current.timeZone} onNavigate={() => setMenuOpen(false)} />
        {nav}
        <div className="mt-auto px-2">
          <DropdownMenu.Root>
            <DropdownMenu.Trigger asChild>
              <button
                type="button"
                className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-sunken"
                aria-label={`Account: ${me.user.name}`}
              >
                <span className="grid size-7 place-items-center rounded-full bg-accent text-xs font-semibold text-accent-ink">
                  {initials(me.user.name)}
                </span>
                <span className="min-w-0">
                  <span className="block truncate font-medium">{me.user.name}</span>
                  <span className="block truncate text-xs text-muted" data-testid="current-role">
                    {ROLE_LABELS[current.role]}
                  </span>
                </span>
              </button>
            </DropdownMenu.Trigger>
            <DropdownMenu.Portal>
              <DropdownMenu.Content
                side="top"
                align="start"
                className="z-50 min-w-52 rounded-md border border-line bg-panel p-1 text-sm shadow-lg"
              >
                <div className="px-2 py-1.5 text-xs text-muted">{me.user.email}</div>
                <DropdownMenu.Item
                  onSelect={() => navigate({ to: '/me/settings' })}
                  className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-sunken"
                >
                  <UserCog size={14} /> My settings
                </DropdownMenu.Item>
                <DropdownMenu.Item
                  onSelect={toggleTheme}
                  className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-sunken"
                >
                  <Moon size={14} /> Toggle theme
                </DropdownMenu.Item>
                <DropdownMenu.Item
                  onSelect={signOut}
                  className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-sunken"
                >
                  <LogOut size={14} /> Sign out
                </DropdownMenu.Item>
              </DropdownMenu.Content>
            </DropdownMenu.Portal>
          </DropdownMenu.Root>
        </div>
      </aside>
      {menuOpen ? (
        <button
          type="button"
          aria-label="Close menu"
          className="fixed inset-0 z-20 bg-black/30 md:hidden"
          onClick={() => setMenuOpen(false)}
        />
      ) : null}
      <div className="flex min-w-0 flex-1 flex-col">
        <div className="flex items-center gap-2 border-b border-line px-3 py-2 md:hidden">
          <button
            type="button"
            aria-label="Open menu"
            onClick={() => setMenuOpen(true)}
            className="rounded p-1 hover:bg-sunken"
          >
            <Menu size={18} />
          </button>
          <span className="text-sm font-semibold">{current.workspaceName}</span>
        </div>
        <main className="min-w-0 flex-1">
          <Outlet />
        </main>
      </div>
      <CommandPalette
        sections={current.sections}
        actions={[{ id: 'sign-out', label: 'Sign out', run: signOut }]}
      />
    </div>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase() ?? '')
    .join('');
}

/** "g" then a section's key jumps there, unless the person is typing in a field. */
function useGoToShortcuts(
  sections: readonly (keyof typeof SECTION_INFO)[],
  go: (path: string) => void,
) {
  useEffect(() => {
    let armed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)))
        return;
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      if (!armed && e.key === 'g') {
        armed = true;
        timer = setTimeout(() => {
          armed = false;
        }, 1200);
        return;
      }
      if (armed) {
        armed = false;
        clearTimeout(timer);
        const hit = sections.find((s) => SECTION_INFO[s].key === e.key);
        if (hit) go(SECTION_INFO[hit].path);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sections, go]);
}
