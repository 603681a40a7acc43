import type { CreateContractorBody } from '../../../contracts/contractors';
import { Field, Input, Select, Textarea } from '../../components/ui';
import { GROUP_LABEL, timeZoneNames, useDeliverableTypes } from './shared';

/** The editable fields of a contractor (R6), shared by "Add contractor" and the Profile tab. */
export type ContractorDraft = Pick<
  CreateContractorBody,
  | 'name'
  | 'email'
  | 'timeZone'
  | 'country'
  | 'skills'
  | 'weeklyCapacity'
  | 'capacityUnit'
  | 'includedRevisionRounds'
  | 'paymentTerms'
  | 'currency'
  | 'notes'
> & { portfolioLinks: string };

export function emptyContractor(timeZone: string, currency: string): ContractorDraft {
  return {
    name: '',
    email: '',
    timeZone,
    country: '',
    skills: [],
    weeklyCapacity: 20,
    capacityUnit: 'hours',
    includedRevisionRounds: 1,
    paymentTerms: 'Net 15',
    currency,
    notes: '',
    portfolioLinks: '',
  };
}

/** The draft as the API wants it: links one per line become a list. */
export function draftToBody(d: ContractorDraft) {
  return {
    ...d,
    portfolioLinks: d.portfolioLinks
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  };
}

/** Server field errors ("body.portfolioLinks.0") keyed by the form's field names. */
export function contractorFieldErrors(fields: Record<string, string> | undefined) {
  return Object.fromEntries(
    Object.entries(fields ?? {}).map(([k, v]) => [k.replace(/^body\./, '').split('.')[0], v]),
  );
}

export function ContractorFields({
  draft,
  onChange,
  errors = {},
  disabled,
  showNotes,
}: {
  draft: ContractorDraft;
  onChange: (d: ContractorDraft) => void;
  errors?: Record<string, string>;
  disabled?: boolean;
  showNotes?: boolean;
}) {
  const { types } = useDeliverableTypes();
  const set = <K extends keyof ContractorDraft>(k: K, v: ContractorDraft[K]) =>
    onChange({ ...draft, [k]: v });
  const toggleSkill = (id: string, on: boolean) =>
    set('skills', on ? [...draft.skills, id] : draft.skills.filter((s) => s !== id));
  return (
    <fieldset disabled={disabled} className="grid grid-cols-2 gap-3">
      <Field label="Name" error={errors.name}>
        {(p) => <Input {...p} value={draft.name} onChange={(e) => set('name', e.target.value)} />}
      </Field>
      <Field label="E-mail" error={errors.email}>
        {(p) => (
          <Input
            {...p}
            type="email"
            value={draft.email}
            onChange={(e) => set('email', e.target.value)}
          />
        )}
      </Field>
      <Field label="Time zone" hint="e.g. Europe/Lisbon" error={errors.timeZone}>
        {(p) => (
          <>
            <Input
              {...p}
              list="time-zone-names"
              value={draft.timeZone}
              onChange={(e) => set('timeZone', e.target.value)}
            />
            <datalist id="time-zone-names">
              {timeZoneNames().map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label="Country" error={errors.country}>
        {(p) => (
          <Input {...p} value={draft.country} onChange={(e) => set('country', e.target.value)} />
        )}
      </Field>
      <fieldset className="col-span-2 flex flex-col gap-1.5">
        <legend className="mb-1 text-xs font-medium text-muted">Skills (deliverable types)</legend>
        {(['organic', 'influencer'] as const).map((g) => (
          <div key={g} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <span className="w-28 text-xs text-muted">{GROUP_LABEL[g]}</span>
            {types
              .filter((t) => t.group === g)
              .map((t) => (
                <label key={t.id} className="flex items-center gap-1.5">
                  <input
                    type="checkbox"
                    checked={draft.skills.includes(t.id)}
                    onChange={(e) => toggleSkill(t.id, e.target.checked)}
                  />
                  {t.name}
                </label>
              ))}
          </div>
        ))}
        {errors.skills ? <p className="text-xs text-bad">{errors.skills}</p> : null}
      </fieldset>
      <div className="grid grid-cols-[1fr_auto] items-start gap-2">
        <Field label="Weekly capacity" error={errors.weeklyCapacity}>
          {(p) => (
            <Input
              {...p}
              type="number"
              min={0}
              max={1000}
              value={draft.weeklyCapacity}
              onChange={(e) => set('weeklyCapacity', Number(e.target.value))}
            />
          )}
        </Field>
        <Field label="Unit">
          {(p) => (
            <Select
              {...p}
              value={draft.capacityUnit}
              onChange={(e) => set('capacityUnit', e.target.value as 'hours' | 'items')}
            >
              <option value="hours">hours</option>
              <option value="items">items</option>
            </Select>
          )}
        </Field>
      </div>
      <Field
        label="Included revision rounds"
        hint="R21: further rounds need approval"
        error={errors.includedRevisionRounds}
      >
        {(p) => (
          <Input
            {...p}
            type="number"
            min={0}
            max={10}
            value={draft.includedRevisionRounds}
            onChange={(e) => set('includedRevisionRounds', Number(e.target.value))}
          />
        )}
      </Field>
      <Field label="Payment terms" error={errors.paymentTerms}>
        {(p) => (
          <Input
            {...p}
            value={draft.paymentTerms}
            onChange={(e) => set('paymentTerms', e.target.value)}
          />
        )}
      </Field>
      <Field label="Currency" error={errors.currency}>
        {(p) => (
          <Input
            {...p}
            maxLength={3}
            value={draft.currency}
            onChange={(e) => set('currency', e.target.value.toUpperCase())}
          />
        )}
      </Field>
      <div className="col-span-2">
        <Field label="Portfolio links" hint="One link per line" error={errors.portfolioLinks}>
          {(p) => (
            <Textarea
              {...p}
              rows={2}
              value={draft.portfolioLinks}
              onChange={(e) => set('portfolioLinks', e.target.value)}
            />
          )}
        </Field>
      </div>
      {showNotes ? (
        <div className="col-span-2">
          <Field label="Internal notes" hint="Never shown to the contractor" error={errors.notes}>
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
      ) : null}
    </fieldset>
  );
}
