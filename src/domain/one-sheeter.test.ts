import { describe, expect, it } from 'vitest';
import {
  changedSections,
  diffOneSheeters,
  emptyOneSheeter,
  isSectionFilled,
  normalizeOneSheeter,
  ONE_SHEETER_SECTIONS,
  type OneSheeterContent,
  type OneSheeterSectionKey,
  oneSheeterCompleteness,
} from './one-sheeter';

function complete(): OneSheeterContent {
  return {
    brandVoice: 'Warm, plain-spoken',
    audience: 'Commuters 25-40',
    productsServices: 'Coffee, pastries',
    goals: 'Foot traffic',
    dosAndDonts: 'No price talk',
    visualIdentityLinks: ['https://example.com/brand'],
    hashtagsAndHandles: '#harborvine',
    competitors: 'Blue Dot Coffee',
    contentPillars: ['Craft', 'Community'],
    communityManagement: {
      customerServiceInquiries: 'Orders to support@',
      positiveComments: 'Thank and like',
      negativeComments: 'Apologise, move to DM',
      escalationContact: 'Jonathan',
    },
  };
}

const sop = (parts: Partial<OneSheeterContent['communityManagement']>) => ({
  ...complete().communityManagement,
  ...parts,
});

describe('isSectionFilled (R4)', () => {
  it.each<[string, Partial<OneSheeterContent>, OneSheeterSectionKey, boolean]>([
    ['R4 whitespace-only text is empty', { brandVoice: '  \n\t ' }, 'brandVoice', false],
    ['R4 one character of text counts', { brandVoice: 'x' }, 'brandVoice', true],
    ['R4 an empty list is empty', { contentPillars: [] }, 'contentPillars', false],
    ['R4 a list of blank items is empty', { contentPillars: ['', '  '] }, 'contentPillars', false],
    [
      'R4 one non-blank item fills a list',
      { contentPillars: ['', 'Craft'] },
      'contentPillars',
      true,
    ],
    [
      'R4 the SOP with one blank part is empty',
      { communityManagement: sop({ escalationContact: ' ' }) },
      'communityManagement',
      false,
    ],
    ['R4 the SOP with all four parts is filled', {}, 'communityManagement', true],
    ['R4 an optional section can be empty', { competitors: '' }, 'competitors', false],
  ])('%s', (_title, patch, key, filled) => {
    expect(isSectionFilled({ ...complete(), ...patch }, key)).toBe(filled);
  });
});

describe('oneSheeterCompleteness (R3/R4)', () => {
  it('R4 an empty one-sheeter misses every required section, in form order', () => {
    const c = oneSheeterCompleteness(emptyOneSheeter());
    expect(c).toEqual({
      filled: 0,
      total: 10,
      requiredFilled: 0,
      requiredTotal: 8,
      missingRequired: [
        'Brand voice',
        'Audience',
        'Products & services',
        'Goals',
        "Do's and don'ts",
        'Visual identity links',
        'Content pillars',
        'Community management SOP',
      ],
      complete: false,
    });
  });

  it('R3 a fully written one-sheeter is 100% complete', () => {
    expect(oneSheeterCompleteness(complete())).toEqual({
      filled: 10,
      total: 10,
      requiredFilled: 8,
      requiredTotal: 8,
      missingRequired: [],
      complete: true,
    });
  });

  it.each<[string, Partial<OneSheeterContent>, boolean, string[]]>([
    [
      'R4 optional sections left empty still count as complete',
      { hashtagsAndHandles: '', competitors: ' ' },
      true,
      [],
    ],
    ['R4 a blank goals section blocks', { goals: '   ' }, false, ['Goals']],
    [
      'R4 a half-written SOP blocks',
      { communityManagement: sop({ negativeComments: '' }) },
      false,
      ['Community management SOP'],
    ],
    [
      'R4 missing links and pillars are both named',
      { visualIdentityLinks: [], contentPillars: [' '] },
      false,
      ['Visual identity links', 'Content pillars'],
    ],
  ])('%s', (_title, patch, isComplete, missing) => {
    const c = oneSheeterCompleteness({ ...complete(), ...patch });
    expect(c.complete).toBe(isComplete);
    expect(c.missingRequired).toEqual(missing);
  });

  it('R3 every section has a label and a description for the form', () => {
    const keys = ONE_SHEETER_SECTIONS.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(Object.keys(emptyOneSheeter()).sort());
    for (const s of ONE_SHEETER_SECTIONS) {
      expect(s.label.length).toBeGreaterThan(0);
      expect(s.description.length).toBeGreaterThan(10);
    }
  });
});

describe('normalizeOneSheeter', () => {
  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'hello'],
    ['an object with wrong types', { brandVoice: 3, contentPillars: 'x', communityManagement: 2 }],
  ])('reads %s as an empty one-sheeter', (_title, raw) => {
    expect(normalizeOneSheeter(raw)).toEqual(emptyOneSheeter());
  });

  it('keeps known sections and drops unknown keys and non-string list items', () => {
    const n = normalizeOneSheeter({ goals: 'Sales', extra: 'x', contentPillars: ['A', 7] });
    expect(n.goals).toBe('Sales');
    expect(n.contentPillars).toEqual(['A']);
    expect('extra' in n).toBe(false);
  });
});

describe('diffOneSheeters (R3 history)', () => {
  it('R3 lists every section and flags only the changed ones', () => {
    const before = complete();
    const after = {
      ...complete(),
      goals: 'Online orders',
      contentPillars: ['Craft', 'Community', 'Seasonal'],
    };
    const diff = diffOneSheeters(before, after);
    expect(diff).toHaveLength(ONE_SHEETER_SECTIONS.length);
    expect(diff.filter((d) => d.changed).map((d) => d.key)).toEqual(['goals', 'contentPillars']);
    expect(diff.find((d) => d.key === 'goals')).toEqual({
      key: 'goals',
      label: 'Goals',
      before: 'Foot traffic',
      after: 'Online orders',
      changed: true,
    });
  });

  it.each<[string, Partial<OneSheeterContent>, string[]]>([
    ['identical content has no changes', {}, []],
    [
      'reordered list items are a change',
      { contentPillars: ['Community', 'Craft'] },
      ['contentPillars'],
    ],
    [
      'one SOP part is a change',
      { communityManagement: sop({ escalationContact: 'Ellie' }) },
      ['communityManagement'],
    ],
    [
      'trailing space is a change (the text is kept as written)',
      { audience: 'Commuters 25-40 ' },
      ['audience'],
    ],
  ])('%s', (_title, patch, changed) => {
    expect(changedSections(complete(), { ...complete(), ...patch })).toEqual(changed);
  });

  it('treats the SOP parts in any key order as the same', () => {
    const c = complete().communityManagement;
    const reordered = {
      escalationContact: c.escalationContact,
      negativeComments: c.negativeComments,
      positiveComments: c.positiveComments,
      customerServiceInquiries: c.customerServiceInquiries,
    };
    expect(changedSections(complete(), { ...complete(), communityManagement: reordered })).toEqual(
      [],
    );
  });

  it('from an empty one-sheeter every filled section is a change', () => {
    expect(changedSections(emptyOneSheeter(), complete())).toHaveLength(10);
  });
});
