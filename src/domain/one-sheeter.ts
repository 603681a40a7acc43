/**
 * The Social Client One-Sheeter (R3) and when it counts as complete (R4). Pure: the API, the
 * demo seed and the assignment check all read completeness from here.
 */

export interface CommunityManagement {
  /** Which inquiries go to customer service, and how. */
  customerServiceInquiries: string;
  positiveComments: string;
  negativeComments: string;
  escalationContact: string;
}

export interface OneSheeterContent {
  brandVoice: string;
  audience: string;
  productsServices: string;
  goals: string;
  dosAndDonts: string;
  visualIdentityLinks: string[];
  hashtagsAndHandles: string;
  competitors: string;
  contentPillars: string[];
  communityManagement: CommunityManagement;
}

export type OneSheeterSectionKey = keyof OneSheeterContent;

export interface OneSheeterSection {
  key: OneSheeterSectionKey;
  label: string;
  required: boolean;
  /** Help text for the form: what a good answer holds. */
  description: string;
}

/** R3 sections in form order. R4 blocks assignment while any `required` one is empty. */
export const ONE_SHEETER_SECTIONS: readonly OneSheeterSection[] = [
  {
    key: 'brandVoice',
    label: 'Brand voice',
    required: true,
    description: 'How the brand sounds: tone, words it uses and avoids, a sample caption.',
  },
  {
    key: 'audience',
    label: 'Audience',
    required: true,
    description: 'Who the content is for: demographics, interests, where they spend time online.',
  },
  {
    key: 'productsServices',
    label: 'Products & services',
    required: true,
    description: 'What the client sells, the hero products and what is seasonal.',
  },
  {
    key: 'goals',
    label: 'Goals',
    required: true,
    description: 'What social should achieve this quarter (awareness, traffic, sales, community).',
  },
  {
    key: 'dosAndDonts',
    label: "Do's and don'ts",
    required: true,
    description: 'Hard rules: topics, claims, emoji, competitors never to mention, legal lines.',
  },
  {
    key: 'visualIdentityLinks',
    label: 'Visual identity links',
    required: true,
    description: 'Links to the brand book, logo files, fonts, colour palette, photo library.',
  },
  {
    key: 'hashtagsAndHandles',
    label: 'Hashtags & handles',
    required: false,
    description: 'Branded hashtags, accounts to tag, handles of partners.',
  },
  {
    key: 'competitors',
    label: 'Competitors',
    required: false,
    description: 'Who the client competes with and what to do differently from them.',
  },
  {
    key: 'contentPillars',
    label: 'Content pillars',
    required: true,
    description: 'The 3–5 recurring themes every post belongs to.',
  },
  {
    key: 'communityManagement',
    label: 'Community management SOP',
    required: true,
    description:
      'Which inquiries go to customer service, how to answer positive and negative comments, ' +
      'and who to escalate to.',
  },
];

export interface OneSheeterCompleteness {
  filled: number;
  total: number;
  requiredFilled: number;
  requiredTotal: number;
  /** Labels of the required sections still empty, in form order. */
  missingRequired: string[];
  complete: boolean;
}

/** An empty one-sheeter: the form a new client starts from. */
export function emptyOneSheeter(): OneSheeterContent {
  return {
    brandVoice: '',
    audience: '',
    productsServices: '',
    goals: '',
    dosAndDonts: '',
    visualIdentityLinks: [],
    hashtagsAndHandles: '',
    competitors: '',
    contentPillars: [],
    communityManagement: {
      customerServiceInquiries: '',
      positiveComments: '',
      negativeComments: '',
      escalationContact: '',
    },
  };
}

const hasText = (v: unknown): boolean => typeof v === 'string' && v.trim().length > 0;

/** A section counts when it has real text; a list needs one non-blank item; the SOP all four parts. */
export function isSectionFilled(content: OneSheeterContent, key: OneSheeterSectionKey): boolean {
  const value = content[key];
  if (Array.isArray(value)) return value.some(hasText);
  if (typeof value === 'string') return hasText(value);
  return Object.values(value).every(hasText);
}

/** R4: how much of the one-sheeter is filled and which required sections are missing. */
export function oneSheeterCompleteness(content: OneSheeterContent): OneSheeterCompleteness {
  let filled = 0;
  let requiredFilled = 0;
  let requiredTotal = 0;
  const missingRequired: string[] = [];
  for (const section of ONE_SHEETER_SECTIONS) {
    const ok = isSectionFilled(content, section.key);
    if (ok) filled++;
    if (!section.required) continue;
    requiredTotal++;
    if (ok) requiredFilled++;
    else missingRequired.push(section.label);
  }
  return {
    filled,
    total: ONE_SHEETER_SECTIONS.length,
    requiredFilled,
    requiredTotal,
    missingRequired,
    complete: missingRequired.length === 0,
  };
}

/** The completeness of a one-sheeter that was never written: every required section missing. */
export function missingOneSheeterCompleteness(): OneSheeterCompleteness {
  return oneSheeterCompleteness(emptyOneSheeter());
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/**
 * Reads stored content leniently: a version saved before a section existed still loads, with
 * that section empty, instead of failing the whole page.
 */
export function normalizeOneSheeter(raw: unknown): OneSheeterContent {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const cm = (
    o.communityManagement && typeof o.communityManagement === 'object' ? o.communityManagement : {}
  ) as Record<string, unknown>;
  return {
    brandVoice: str(o.brandVoice),
    audience: str(o.audience),
    productsServices: str(o.productsServices),
    goals: str(o.goals),
    dosAndDonts: str(o.dosAndDonts),
    visualIdentityLinks: strList(o.visualIdentityLinks),
    hashtagsAndHandles: str(o.hashtagsAndHandles),
    competitors: str(o.competitors),
    contentPillars: strList(o.contentPillars),
    communityManagement: {
      customerServiceInquiries: str(cm.customerServiceInquiries),
      positiveComments: str(cm.positiveComments),
      negativeComments: str(cm.negativeComments),
      escalationContact: str(cm.escalationContact),
    },
  };
}

export type SectionValue = OneSheeterContent[OneSheeterSectionKey];

export interface SectionChange {
  key: OneSheeterSectionKey;
  label: string;
  before: SectionValue;
  after: SectionValue;
  changed: boolean;
}

/** Every section side by side between two versions (R3 history), flagging the ones that differ. */
export function diffOneSheeters(
  before: OneSheeterContent,
  after: OneSheeterContent,
): SectionChange[] {
  return ONE_SHEETER_SECTIONS.map((s) => ({
    key: s.key,
    label: s.label,
    before: before[s.key],
    after: after[s.key],
    changed: !sameValue(before[s.key], after[s.key]),
  }));
}

// Key order of the SOP object depends on who built it; compare its parts, not its JSON.
function sameValue(a: SectionValue, b: SectionValue): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i])
    );
  }
  const keys = Object.keys(a) as (keyof CommunityManagement)[];
  return keys.every((k) => a[k] === b[k]);
}

/** Keys of the sections that differ, for the audit trail and "what changed" lines. */
export function changedSections(before: OneSheeterContent, after: OneSheeterContent): string[] {
  return diffOneSheeters(before, after)
    .filter((c) => c.changed)
    .map((c) => c.key);
}
