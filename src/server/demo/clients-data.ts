import type { ClientContact } from '../../contracts/clients';
import type { OneSheeterContent } from '../../domain/one-sheeter';

/** The demo agency's clients: every fit verdict, cautions, and one-sheeters in every state. */

export interface DemoClient {
  name: string;
  category: 'core' | 'growth' | 'other';
  tier: 1 | 2 | 3;
  rounds: number;
  collateralReady: boolean;
  notes: string;
  contacts: ClientContact[];
  /** A coordinator's R1 override reason, for a client that is not fit on its own. */
  override?: string;
  /** Saved in order: several entries make a version history. Empty: no one-sheeter (R4). */
  oneSheeter: Partial<OneSheeterContent>[];
}

const contact = (name: string, role: string, email: string, phone: string): ClientContact => ({
  name,
  role,
  email,
  phone,
});

const escalation = 'Jonathan Reisch (strategist) first; Ellie Sebastian (coordinator) if urgent';

/** A complete one-sheeter from the parts that differ between clients. */
function sheet(
  c: Omit<OneSheeterContent, 'communityManagement' | 'visualIdentityLinks'> & {
    domain: string;
    service: string;
  },
): OneSheeterContent {
  const { domain, service, ...rest } = c;
  return {
    ...rest,
    visualIdentityLinks: [
      `https://brand.${domain}/guidelines.pdf`,
      `https://drive.${domain}/shared/logos-and-fonts`,
    ],
    communityManagement: {
      customerServiceInquiries: `${service} Never promise refunds or dates in public replies.`,
      positiveComments: 'Reply within a day in the brand voice; like every genuine compliment.',
      negativeComments:
        'Acknowledge publicly in one line, apologise, and move to DMs; never argue or delete ' +
        'unless abusive.',
      escalationContact: escalation,
    },
  };
}

const harborV1 = sheet({
  domain: 'harborandvine.example',
  service: 'Order problems and wholesale questions go to hello@harborandvine.example.',
  brandVoice: 'Warm, unhurried and neighbourly. Short sentences, no coffee snobbery.',
  audience: 'Commuters and remote workers aged 25–40 within two miles of the three cafés.',
  productsServices: 'Single-origin pour-overs, house espresso blend, seasonal pastries, beans.',
  goals: 'Grow weekday morning foot traffic 10% and beans subscriptions to 300 by March.',
  dosAndDonts: "Do show baristas and regulars (with consent). Don't mention prices or discounts.",
  hashtagsAndHandles: '#HarborAndVine #SlowMorning @harborandvine',
  competitors: 'Blue Dot Coffee (cheaper, faster) and Daily Grind chain.',
  contentPillars: ['Craft', 'Neighbourhood', 'Seasonal menu'],
});

export const DEMO_CLIENTS: DemoClient[] = [
  {
    name: 'Harbor & Vine Coffee',
    category: 'core',
    tier: 1,
    rounds: 1,
    collateralReady: true,
    notes: 'Retainer since 2023. Monthly calendar plus 8 reels.',
    contacts: [contact('Maya Lindqvist', 'Owner', 'maya@harborandvine.example', '+1 617 555 0142')],
    oneSheeter: [
      harborV1,
      {
        ...harborV1,
        goals: 'Grow weekday morning foot traffic 10% and beans subscriptions to 400 by April.',
        contentPillars: ['Craft', 'Neighbourhood', 'Seasonal menu', 'Subscriptions'],
      },
    ],
  },
  {
    name: 'Peak Trail Outfitters',
    category: 'core',
    tier: 2,
    rounds: 3,
    collateralReady: false,
    notes: 'Product photos usually arrive mid-month; plan graphics late.',
    contacts: [
      contact('Devon Marsh', 'Marketing manager', 'devon@peaktrail.example', '+1 303 555 0188'),
      contact('Ana Ruiz', 'E-commerce lead', 'ana@peaktrail.example', ''),
    ],
    oneSheeter: [
      sheet({
        domain: 'peaktrail.example',
        service: 'Sizing, returns and warranty questions go to support@peaktrail.example.',
        brandVoice: 'Confident, practical, a little dry humour. Talks like an experienced guide.',
        audience: 'Weekend hikers and first-time backpackers, 22–45, mostly Colorado and Utah.',
        productsServices: 'Technical outerwear, packs, rentals and guided day hikes.',
        goals: 'Drive rentals bookings in shoulder season; build the trail-report community.',
        dosAndDonts:
          'Do show real trails and safety gear. Never show off-trail or unsafe behaviour.',
        hashtagsAndHandles: '#PeakTrailReport @peaktrailoutfitters',
        competitors: 'REI (breadth), local rental shops (price).',
        contentPillars: ['Trail reports', 'Gear how-tos', 'Community hikes'],
      }),
    ],
  },
  {
    name: 'Lumen Skincare',
    category: 'growth',
    tier: 1,
    rounds: 2,
    collateralReady: true,
    notes: 'Claims are reviewed by their regulatory lead before posting.',
    contacts: [
      contact('Priya Shah', 'Brand director', 'priya@lumenskin.example', '+1 212 555 0117'),
    ],
    oneSheeter: [
      sheet({
        domain: 'lumenskin.example',
        service: 'Reactions, orders and ingredient questions go to care@lumenskin.example.',
        brandVoice: 'Calm, science-literate, kind. Explains ingredients without jargon.',
        audience: 'Women 28–45 with sensitive skin who research before they buy.',
        productsServices: 'Fragrance-free serums, barrier cream, SPF 50 daily fluid.',
        goals: 'Launch the SPF fluid; grow Instagram saves and site sessions from social.',
        dosAndDonts: "No medical claims ('cures', 'treats'). Always show patch-test advice.",
        hashtagsAndHandles: '#LumenRoutine @lumenskincare',
        competitors: 'The Ordinary (price), La Roche-Posay (trust).',
        contentPillars: ['Ingredient explainers', 'Routines', 'Customer stories'],
      }),
    ],
  },
  {
    name: 'Brightside Dental Group',
    category: 'core',
    tier: 3,
    rounds: 1,
    collateralReady: true,
    notes: 'Four practices; patient photos need signed releases.',
    contacts: [contact('Dr. Omar Haddad', 'Managing partner', 'omar@brightside.example', '')],
    oneSheeter: [
      sheet({
        domain: 'brightside.example',
        service:
          'Appointment and billing questions go to the front desk line, never answered in comments.',
        brandVoice: 'Friendly, reassuring, never clinical or scary.',
        audience: 'Families and anxious adult patients in the metro area.',
        productsServices: 'Family dentistry, Invisalign, whitening, emergency visits.',
        goals: 'Fill new-patient slots at the two newest practices.',
        dosAndDonts: 'No before/after photos without a release. No pricing in posts.',
        hashtagsAndHandles: '#BrightsideSmiles',
        competitors: 'Aspen Dental.',
        contentPillars: ['Meet the team', 'Oral health tips', 'Community'],
      }),
    ],
  },
  {
    name: 'Fieldhouse Athletics Club',
    category: 'growth',
    tier: 1,
    rounds: 3,
    collateralReady: true,
    notes: 'The owner gives feedback in several passes; budget for an extra round.',
    contacts: [contact('Tasha Green', 'Owner', 'tasha@fieldhouse.example', '+1 512 555 0164')],
    oneSheeter: [
      sheet({
        domain: 'fieldhouse.example',
        service: 'Membership, freezes and billing go to the front desk e-mail.',
        brandVoice: 'Energetic and inclusive; celebrates effort, not body shape.',
        audience: 'Adults 25–50 getting back into fitness; parents for youth programmes.',
        productsServices: 'Memberships, small-group training, youth athletics camps.',
        goals: 'Sell out summer camps; reduce January churn.',
        dosAndDonts: 'No weight-loss promises. Show every body type. No competitor gyms.',
        hashtagsAndHandles: '#FieldhouseFamily',
        competitors: 'Orangetheory, the city rec centre.',
        contentPillars: ['Member wins', 'Coach tips', 'Camp life'],
      }),
    ],
  },
  {
    name: 'Copper Kettle Bakery',
    category: 'core',
    tier: 1,
    rounds: 1,
    collateralReady: false,
    notes: 'Menu for the month is confirmed in the first week, not before.',
    contacts: [contact('Luis Ortega', 'Co-owner', 'luis@copperkettle.example', '+1 503 555 0101')],
    oneSheeter: [
      sheet({
        domain: 'copperkettle.example',
        service: 'Custom cake orders and allergies go to orders@copperkettle.example.',
        brandVoice: 'Cosy, playful, proud of the craft; puns allowed, one per post.',
        audience: 'Local families and office teams ordering for events.',
        productsServices: 'Sourdough, pastries, custom cakes, catering boxes.',
        goals: 'Grow catering orders from offices; pre-orders for holidays.',
        dosAndDonts: 'Always mention allergens for featured items. No stock photos.',
        hashtagsAndHandles: '#CopperKettleMornings',
        competitors: 'Grocery-store bakeries.',
        contentPillars: ['Behind the oven', 'Seasonal bakes', 'Catering'],
      }),
    ],
  },
  {
    name: 'Northshore Realty Partners',
    category: 'growth',
    tier: 2,
    rounds: 2,
    collateralReady: true,
    notes: 'Handled in-house by the strategist until they move up a tier.',
    contacts: [contact('Greg Halvorsen', 'Broker', 'greg@northshore.example', '+1 206 555 0150')],
    oneSheeter: [
      sheet({
        domain: 'northshore.example',
        service: 'Listing and viewing questions go to the listing agent by DM.',
        brandVoice: 'Polished, local, knowledgeable.',
        audience: 'First-time buyers and downsizers on the north shore.',
        productsServices: 'Residential sales, buyer representation.',
        goals: 'Generate seller leads.',
        dosAndDonts: 'Fair-housing language only. No price predictions.',
        hashtagsAndHandles: '',
        competitors: '',
        contentPillars: ['Listings', 'Neighbourhood guides'],
      }),
    ],
  },
  {
    name: 'Tidewater Marine Supply',
    category: 'other',
    tier: 3,
    rounds: 1,
    collateralReady: true,
    notes: 'Seasonal: heavy April–August.',
    contacts: [contact('Rita Coleman', 'Marketing', 'rita@tidewater.example', '')],
    override:
      'Owner asked for contractor help for the spring launch only; approved for April–June.',
    oneSheeter: [
      sheet({
        domain: 'tidewater.example',
        service: 'Parts availability and orders go to the counter phone line.',
        brandVoice: 'Straight-talking, salty, expert.',
        audience: 'Boat owners and marina staff along the coast.',
        productsServices: 'Marine parts, safety gear, winterising service.',
        goals: 'Promote spring commissioning packages.',
        dosAndDonts: 'Show safety gear worn correctly. No alcohol on boats.',
        hashtagsAndHandles: '#TidewaterReady',
        competitors: 'West Marine.',
        contentPillars: ['Spring prep', 'Safety', 'Shop tips'],
      }),
    ],
  },
  {
    name: 'Saffron Street Kitchen',
    category: 'core',
    tier: 1,
    rounds: 2,
    collateralReady: true,
    notes: 'Two restaurants and a meal-kit line.',
    contacts: [contact('Nadia Karimi', 'Chef-owner', 'nadia@saffronstreet.example', '')],
    oneSheeter: [
      sheet({
        domain: 'saffronstreet.example',
        service: 'Reservations and meal-kit deliveries go to hello@saffronstreet.example.',
        brandVoice: 'Generous, vivid, story-led; food described by smell and sound.',
        audience: 'Food lovers 25–55 in the city; meal-kit subscribers nationwide.',
        productsServices: 'Two Persian restaurants, catering, weekly meal kits.',
        goals: 'Grow meal-kit subscribers; fill Tuesday and Wednesday covers.',
        dosAndDonts: 'Credit family recipes to Nadia’s grandmother. No fusion clichés.',
        hashtagsAndHandles: '#SaffronStreet @saffronstreetkitchen',
        competitors: 'HelloFresh (kits), neighbourhood grills.',
        contentPillars: ['Family recipes', 'In the kitchen', 'Meal-kit night'],
      }),
    ],
  },
  {
    name: 'Maple & Moss Home',
    category: 'growth',
    tier: 1,
    rounds: 1,
    collateralReady: true,
    notes: 'New client: one-sheeter in progress after the kickoff call.',
    contacts: [contact('Hannah Brooks', 'Founder', 'hannah@maplemoss.example', '')],
    oneSheeter: [
      {
        brandVoice: 'Quiet, natural, textural. Lots of white space.',
        audience: 'Homeowners 30–55 decorating on a considered budget.',
        productsServices: 'Linen bedding, ceramics, small-batch candles.',
        goals: 'Launch the autumn collection.',
        dosAndDonts: 'No plastic props. Natural light only.',
        contentPillars: ['Slow living', 'Materials'],
      },
    ],
  },
  {
    name: 'Verde Pet Wellness',
    category: 'core',
    tier: 2,
    rounds: 2,
    collateralReady: true,
    notes: 'Vet clinic plus supplements; waiting on their brand book.',
    contacts: [contact('Sam Whitfield', 'Practice manager', 'sam@verdepet.example', '')],
    oneSheeter: [
      {
        brandVoice: 'Caring, expert, gently funny about pets.',
        audience: 'Dog and cat owners in the suburbs.',
      },
    ],
  },
  {
    name: 'Orbit Cycling Studio',
    category: 'core',
    tier: 1,
    rounds: 1,
    collateralReady: true,
    notes: 'Signed last week; kickoff call scheduled.',
    contacts: [contact('Jordan Lee', 'Studio manager', 'jordan@orbitcycle.example', '')],
    oneSheeter: [],
  },
];
