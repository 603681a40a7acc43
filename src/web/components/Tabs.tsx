import { Tabs as RadixTabs } from 'radix-ui';
import type { ReactNode } from 'react';

/** Accessible tabs (arrow keys move between them). */
export function Tabs({
  value,
  onChange,
  tabs,
}: {
  value: string;
  onChange: (v: string) => void;
  tabs: { value: string; label: string; content: ReactNode }[];
}) {
  return (
    <RadixTabs.Root value={value} onValueChange={onChange} className="flex flex-col">
      <RadixTabs.List className="flex gap-1 border-b border-line px-4" aria-label="Sections">
        {tabs.map((t) => (
          <RadixTabs.Trigger
            key={t.value}
            value={t.value}
            className="-mb-px border-b-2 border-transparent px-2 py-2 text-sm text-muted data-[state=active]:border-accent data-[state=active]:text-ink"
          >
            {t.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {tabs.map((t) => (
        <RadixTabs.Content key={t.value} value={t.value} className="focus:outline-none">
          {t.content}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  );
}
