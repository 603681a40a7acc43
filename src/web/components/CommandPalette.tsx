import { useNavigate } from '@tanstack/react-router';
import { Command } from 'cmdk';
import { useEffect, useState } from 'react';
import type { Section } from '../../contracts/roles';
import { SECTION_INFO } from '../lib/sections';
import { toggleTheme } from './theme';

export interface PaletteAction {
  id: string;
  label: string;
  run: () => void;
}

/** ⌘K / Ctrl-K: jump to any section or run an action, all from the keyboard. */
export function CommandPalette({
  sections,
  actions,
}: {
  sections: Section[];
  actions: PaletteAction[];
}) {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const go = (fn: () => void) => {
    setOpen(false);
    fn();
  };
  return (
    <Command.Dialog
      open={open}
      onOpenChange={setOpen}
      label="Command palette"
      className="fixed left-1/2 top-24 z-50 w-[min(560px,92vw)] -translate-x-1/2 overflow-hidden rounded-lg border border-line bg-panel shadow-2xl"
      overlayClassName="fixed inset-0 z-40 bg-black/30"
    >
      <Command.Input
        placeholder="Jump to… or type a command"
        className="h-11 w-full border-b border-line bg-transparent px-4 text-sm outline-none"
      />
      <Command.List className="max-h-80 overflow-y-auto p-1.5">
        <Command.Empty className="p-3 text-sm text-muted">Nothing matches.</Command.Empty>
        <Command.Group
          heading="Go to"
          className="text-xs text-muted [&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:py-1"
        >
          {sections.map((s) => (
            <Command.Item
              key={s}
              value={`go ${SECTION_INFO[s].label}`}
              onSelect={() => go(() => navigate({ to: SECTION_INFO[s].path }))}
              className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm text-ink data-[selected=true]:bg-sunken"
            >
              {SECTION_INFO[s].icon}
              {SECTION_INFO[s].label}
            </Command.Item>
          ))}
        </Command.Group>
        <Command.Group
          heading="Actions"
          className="text-xs text-muted [&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:py-1"
        >
          {[...actions, { id: 'theme', label: 'Toggle light / dark theme', run: toggleTheme }].map(
            (a) => (
              <Command.Item
                key={a.id}
                value={a.label}
                onSelect={() => go(a.run)}
                className="cursor-pointer rounded px-2 py-1.5 text-sm text-ink data-[selected=true]:bg-sunken"
              >
                {a.label}
              </Command.Item>
            ),
          )}
        </Command.Group>
      </Command.List>
    </Command.Dialog>
  );
}
