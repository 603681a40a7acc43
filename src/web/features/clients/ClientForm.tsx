import { useQuery } from '@tanstack/react-query';
import type { CreateClientBody } from '../../../contracts/clients';
import type { Member } from '../../../contracts/workspace';
import { Field, Input, Select, Textarea } from '../../components/ui';
import { api } from '../../lib/api';

export type ClientDraft = Pick<
  CreateClientBody,
  | 'name'
  | 'companyCategory'
  | 'departmentTier'
  | 'typicalRevisionRounds'
  | 'collateralReady'
  | 'strategistUserId'
  | 'notes'
>;

export const EMPTY_CLIENT: ClientDraft = {
  name: '',
  companyCategory: 'core',
  departmentTier: 1,
  typicalRevisionRounds: 1,
  collateralReady: true,
  strategistUserId: null,
  notes: '',
};

/** The fields of a client shared by "new client" and the client panel. */
export function ClientFields({
  draft,
  onChange,
  errors = {},
  disabled,
}: {
  draft: ClientDraft;
  onChange: (d: ClientDraft) => void;
  errors?: Record<string, string>;
  disabled?: boolean;
}) {
  const categories = useQuery({
    queryKey: ['client-categories'],
    queryFn: () => api<{ items: { name: string }[] }>('/api/client-categories'),
  });
  const members = useQuery({
    queryKey: ['members'],
    queryFn: () => api<{ items: Member[] }>('/api/members'),
  });
  const strategists = (members.data?.items ?? []).filter(
    (m) => m.role === 'strategist' || m.role === 'admin',
  );
  const set = <K extends keyof ClientDraft>(k: K, v: ClientDraft[K]) =>
    onChange({ ...draft, [k]: v });
  return (
    <fieldset disabled={disabled} className="grid grid-cols-2 gap-3">
      <div className="col-span-2">
        <Field label="Name" error={errors.name}>
          {(p) => <Input {...p} value={draft.name} onChange={(e) => set('name', e.target.value)} />}
        </Field>
      </div>
      <Field
        label="Company category"
        hint="R1: core clients are fit"
        error={errors.companyCategory}
      >
        {(p) => (
          <Select
            {...p}
            value={draft.companyCategory}
            onChange={(e) => set('companyCategory', e.target.value)}
          >
            {(categories.data?.items ?? [{ name: draft.companyCategory }]).map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        label="Department tier"
        hint="R1: tier 1 clients are fit"
        error={errors.departmentTier}
      >
        {(p) => (
          <Select
            {...p}
            value={draft.departmentTier}
            onChange={(e) => set('departmentTier', Number(e.target.value) as 1 | 2 | 3)}
          >
            <option value={1}>Tier 1</option>
            <option value={2}>Tier 2</option>
            <option value={3}>Tier 3</option>
          </Select>
        )}
      </Field>
      <Field
        label="Typical revision rounds"
        hint="R2: more than 2 is a caution"
        error={errors.typicalRevisionRounds}
      >
        {(p) => (
          <Input
            {...p}
            type="number"
            min={0}
            max={20}
            value={draft.typicalRevisionRounds}
            onChange={(e) => set('typicalRevisionRounds', Number(e.target.value))}
          />
        )}
      </Field>
      <Field label="Strategist" error={errors.strategistUserId}>
        {(p) => (
          <Select
            {...p}
            value={draft.strategistUserId ?? ''}
            onChange={(e) => set('strategistUserId', e.target.value || null)}
          >
            <option value="">— none —</option>
            {strategists.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <label className="col-span-2 flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={draft.collateralReady}
          onChange={(e) => set('collateralReady', e.target.checked)}
        />
        Collateral is usually ready before the start of the month
      </label>
      <div className="col-span-2">
        <Field label="Internal notes" hint="Never shown to contractors" error={errors.notes}>
          {(p) => (
            <Textarea
              {...p}
              rows={3}
              value={draft.notes}
              onChange={(e) => set('notes', e.target.value)}
            />
          )}
        </Field>
      </div>
    </fieldset>
  );
}

/** Server field errors ("body.name") keyed by field name for the form. */
export function fieldErrors(fields: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields ?? {}).map(([k, v]) => [k.replace(/^body\./, ''), v]),
  );
}
