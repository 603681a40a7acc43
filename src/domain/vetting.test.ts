import { describe, expect, it } from 'vitest';
import { type ContractorStatus, nextStatuses, vettingMove } from './vetting';

describe('vettingMove (R9)', () => {
  it.each<[string, ContractorStatus, ContractorStatus, boolean]>([
    ['R9 a status cannot move to itself', 'active', 'active', false],
    ['R9 applied cannot jump to active', 'applied', 'active', false],
    ['R9 applied cannot skip the interview', 'applied', 'references_checked', false],
    ['R9 interviewed cannot skip the reference check', 'interviewed', 'trial', false],
    ['R9 references checked cannot skip the trial', 'references_checked', 'active', false],
    ['R9 applied moves to interviewed', 'applied', 'interviewed', true],
    ['R9 interviewed moves to references checked', 'interviewed', 'references_checked', true],
    ['R9 references checked moves to trial', 'references_checked', 'trial', true],
    ['R9 trial moves to active', 'trial', 'active', true],
    ['R9 active can be paused', 'active', 'paused', true],
    ['R9 paused can be made active again', 'paused', 'active', true],
    ['R9 a candidate in trial cannot be paused', 'trial', 'paused', false],
    ['R9 paused cannot go back into the pipeline', 'paused', 'trial', false],
    ['R9 the pipeline does not run backwards', 'trial', 'interviewed', false],
    ['R9 an applicant can be offboarded (rejected)', 'applied', 'offboarded', true],
    ['R9 a paused contractor can be offboarded', 'paused', 'offboarded', true],
    ['R9 an active contractor can be offboarded', 'active', 'offboarded', true],
    ['R9 offboarded may re-apply', 'offboarded', 'applied', true],
    ['R9 offboarded cannot come straight back as active', 'offboarded', 'active', false],
  ])('%s', (_title, from, to, ok) => {
    expect(vettingMove(from, to).ok).toBe(ok);
  });

  it('R9 a skipped stage is named in the refusal', () => {
    const v = vettingMove('applied', 'active');
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.message).toContain('move from applied to interviewed first');
      expect(v.message).toContain('references checked, trial task');
    }
  });

  it.each<[ContractorStatus, ContractorStatus[]]>([
    ['applied', ['interviewed', 'offboarded']],
    ['trial', ['active', 'offboarded']],
    ['active', ['paused', 'offboarded']],
    ['paused', ['active', 'offboarded']],
    ['offboarded', ['applied']],
  ])('R9 from %s the next statuses are %j', (from, expected) => {
    expect(nextStatuses(from)).toEqual(expected);
  });
});
