import type { CreateDeliverableTypeBody, DeliverableType } from '../../../contracts/rates';
import { Field, Input, Select, Textarea } from '../../components/ui';
import { GROUP_LABEL, UNIT_LABEL } from '../contractors/shared';

/** A deliverable type as a form edits it: the QA checklist is one item per line. */
export type TypeDraft = Pick<
  CreateDeliverableTypeBody,
  'name' | 'group' | 'unit' | 'defaultProductionDays' | 'isContentCalendar'
> & { qaChecklist: string };

export const EMPTY_TYPE: TypeDraft = {
  name: '',
  group: 'organic',
  unit: 'item',
  defaultProductionDays: 3,
  isContentCalendar: false,
  qaChecklist: '',
};

export const typeToDraft = (t: DeliverableType): TypeDraft => ({
  name: t.name,
  group: t.group,
  unit: t.unit,
  defaultProductionDays: t.defaultProductionDays,
  isContentCalendar: t.isContentCalendar,
  qaChecklist: t.qaChecklist.join('\n'),
});

export const draftToTypeBody = (d: TypeDraft) => ({
  ...d,
  qaChecklist: d.qaChecklist
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean),
});

/** Server field errors ("body.qaChecklist.2") keyed by field. */
export const typeFieldErrors = (fields: Record<string, string> | undefined) =>
  Object.fromEntries(
    Object.entries(fields ?? {}).map(([k, v]) => [k.replace(/^body\./, '').split('.')[0], v]),
  );

export function DeliverableTypeFields({
  draft,
  onChange,
  errors = {},
  disabled,
}: {
  draft: TypeDraft;
  onChange: (d: TypeDraft) => void;
  errors?: Record<string, string>;
  disabled?: boolean;
}) {
  const set = <K extends keyof TypeDraft>(k: K, v: TypeDraft[K]) => onChange({ ...draft, [k]: v });
  return (
    <fieldset disabled={disabled} className="grid grid-cols-2 gap-3">
      <div className="col-span-2">
        <Field label="Name" error={errors.name}>
          {(p) => <Input {...p} value={draft.name} onChange={(e) => set('name', e.target.value)} />}
        </Field>
      </div>
      <Field label="Group" error={errors.group}>
        {(p) => (
          <Select
            {...p}
            value={draft.group}
            onChange={(e) => set('group', e.target.value as TypeDraft['group'])}
          >
            <option value="organic">{GROUP_LABEL.organic}</option>
            <option value="influencer">{GROUP_LABEL.influencer}</option>
          </Select>
        )}
      </Field>
      <Field label="Unit" error={errors.unit}>
        {(p) => (
          <Select
            {...p}
            value={draft.unit}
            onChange={(e) => set('unit', e.target.value as TypeDraft['unit'])}
          >
            {(['item', 'hour', 'calendar'] as const).map((u) => (
              <option key={u} value={u}>
                {UNIT_LABEL[u]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        label="Default production days"
        hint="Business days the planner allows for production"
        error={errors.defaultProductionDays}
      >
        {(p) => (
          <Input
            {...p}
            type="number"
            min={0}
            max={120}
            value={draft.defaultProductionDays}
            onChange={(e) => set('defaultProductionDays', Number(e.target.value))}
          />
        )}
      </Field>
      <label className="flex items-center gap-2 self-end pb-1.5 text-sm">
        <input
          type="checkbox"
          checked={draft.isContentCalendar}
          onChange={(e) => set('isContentCalendar', e.target.checked)}
        />
        Content calendar (R11: needs 14 days)
      </label>
      <div className="col-span-2">
        <Field
          label="QA checklist"
          hint="One item per line; QA ticks these before work is client-ready (R23)"
          error={errors.qaChecklist}
        >
          {(p) => (
            <Textarea
              {...p}
              rows={5}
              value={draft.qaChecklist}
              onChange={(e) => set('qaChecklist', e.target.value)}
            />
          )}
        </Field>
      </div>
    </fieldset>
  );
}
