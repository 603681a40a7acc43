import { describe, expect, it } from 'vitest';
import { type AuditRowForHistory, summarizeAudit } from './history-summary';

const row = (
  entity_type: string,
  action: string,
  after: unknown,
  before?: unknown,
): AuditRowForHistory => ({
  id: 1,
  entity_type,
  action,
  after_json: JSON.stringify(after),
  before_json: before === undefined ? null : JSON.stringify(before),
  created_at: '2026-12-01T10:00:00.000Z',
  actor_user_id: 'u1',
  actor_name: 'Jonathan Reisch',
});

const staff = { staff: true };
const contractor = { staff: false };

describe('summarizeAudit (R30 in plain English; R5/R19 for contractors)', () => {
  it.each([
    [
      'an internal comment',
      row('comment', 'posted', { visibility: 'internal', kind: 'comment', body: 'secret' }),
    ],
    [
      'client feedback',
      row('comment', 'posted', { visibility: 'internal', kind: 'client_feedback', body: 'raw' }),
    ],
    ['a strategist tweak', row('revision_request', 'created', { strategistTweak: true, items: 1 })],
    ['another feature’s entry', row('time_log', 'created', { minutes: 30 })],
  ])('hides %s from a contractor', (_label, r) => {
    expect(summarizeAudit(r, contractor)).toBeNull();
    expect(summarizeAudit(r, staff)).not.toBeNull();
  });

  it('never prints comment bodies, money or override reasons to a contractor', () => {
    const entries = [
      row('comment', 'posted', { visibility: 'all', kind: 'comment', body: 'hello there' }),
      row('revision_round', 'decided', {
        decision: 'approved_billable',
        number: 2,
        amountMinor: 5000,
        currency: 'USD',
        reason: 'Client changed the brief',
      }),
      row('revision_request', 'created', {
        roundNumber: 1,
        items: 2,
        overrideReason: 'Client crisis',
        status: 'active',
      }),
      row(
        'task',
        'status_changed',
        { status: 'cancelled', action: 'cancel', reason: 'Budget cut' },
        { status: 'qa' },
      ),
    ];
    const text = entries.map((e) => summarizeAudit(e, contractor)?.summary ?? '').join('\n');
    for (const secret of [
      'hello there',
      '$50.00',
      'Client changed',
      'Client crisis',
      'Budget cut',
    ]) {
      expect(text).not.toContain(secret);
    }
    const staffText = entries.map((e) => summarizeAudit(e, staff)?.summary ?? '').join('\n');
    expect(staffText).toContain('$50.00');
    expect(staffText).toContain('Client crisis');
  });

  it.each([
    [
      row('deliverable_version', 'submitted', { number: 2, links: 1, files: 2 }),
      'Jonathan Reisch submitted version 2 (1 link, 2 files)',
    ],
    [
      row('review', 'created', {
        kind: 'qa',
        result: 'fail',
        reasons: 'Typo in caption 2',
        checklist: [{ ok: true }, { ok: false }],
      }),
      'Jonathan Reisch failed QA (1/2 checks): “Typo in caption 2”',
    ],
    [
      row(
        'task',
        'status_changed',
        { status: 'qa', action: 'pass_scrub' },
        { status: 'internal_review' },
      ),
      'Jonathan Reisch: Pass scrub',
    ],
    [
      row('revision_round', 'opened', { number: 2, source: 'qa_fail' }),
      'The QA failure counts as revision round 2',
    ],
  ])('says %#: %s', (r, summary) => {
    expect(summarizeAudit(r, contractor)?.summary).toBe(summary);
  });

  it('tolerates malformed JSON', () => {
    const r = { ...row('task', 'status_changed', {}), after_json: '{oops' };
    expect(summarizeAudit(r, staff)?.summary).toContain('Jonathan Reisch');
  });
});
