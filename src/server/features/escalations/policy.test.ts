import { describe, expect, it } from 'vitest';
import type { EscalationStatus } from '../../../contracts/community';
import type { Role } from '../../../contracts/roles';
import {
  abilitiesFor,
  type EscalationAction,
  escalationMove,
  mayHandleEscalations,
  mayReadEscalation,
} from './policy';

describe('R24 escalation policy', () => {
  it.each<[Role, boolean]>([
    ['admin', true],
    ['coordinator', true],
    ['strategist', false],
    ['qa', false],
    ['finance', false],
    ['contractor', false],
  ])('%s handles escalations: %s', (role, handles) => {
    expect(mayHandleEscalations(role)).toBe(handles);
  });

  it.each<[Role, 'own' | 'other', boolean]>([
    ['admin', 'other', true],
    ['coordinator', 'other', true],
    ['strategist', 'own', true],
    ['strategist', 'other', false],
    ['qa', 'other', false],
    ['finance', 'own', true],
    ['contractor', 'own', true],
    ['contractor', 'other', false],
  ])('%s reading an escalation opened by %s: %s', (role, whose, allowed) => {
    const row = { opened_by: whose === 'own' ? 'me' : 'someone-else' };
    expect(mayReadEscalation({ role, userId: 'me' }, row)).toBe(allowed);
  });

  it.each<[EscalationStatus, EscalationAction, EscalationStatus | null]>([
    ['open', 'acknowledge', 'acknowledged'],
    ['open', 'resolve', 'resolved'],
    ['acknowledged', 'resolve', 'resolved'],
    ['acknowledged', 'acknowledge', null],
    ['resolved', 'acknowledge', null],
    ['resolved', 'resolve', null],
  ])('from %s, %s → %s', (from, action, to) => {
    const verdict = escalationMove(from, action);
    expect(verdict.ok ? verdict.to : null).toBe(to);
  });

  it.each<[Role, EscalationStatus, boolean, boolean]>([
    ['coordinator', 'open', true, true],
    ['admin', 'acknowledged', false, true],
    ['admin', 'resolved', false, false],
    ['strategist', 'open', false, false],
    ['contractor', 'open', false, false],
  ])('%s on a %s escalation: acknowledge %s, resolve %s', (role, status, ack, resolve) => {
    expect(abilitiesFor({ role, userId: 'me' }, { status })).toEqual({
      acknowledge: ack,
      resolve,
    });
  });
});
