/** Word lists for demo and generated data (plain ASCII, no commas: the generator passes them as CSV). */

const list = (words: string): readonly string[] => words.split('|');

export const FIRST_NAMES = list(
  'James|Mary|Robert|Patricia|John|Jennifer|Michael|Linda|David|Elizabeth|William|Barbara|Richard|' +
    'Susan|Joseph|Jessica|Thomas|Sarah|Carlos|Karen|Daniel|Lisa|Matthew|Nancy|Anthony|Sandra|Mark|' +
    'Ashley|Steven|Emily|Andrew|Michelle|Kenji|Amanda|Joshua|Melissa|Kevin|Stephanie|Brian|Rebecca|' +
    'Omar|Laura|Wei|Sofia|Raj|Priya|Diego|Fatima|Luca|Chloe|Mateo|Aisha|Noah|Olivia|Liam|Emma|Ethan|' +
    'Ava|Lucas|Mia',
);

export const LAST_NAMES = list(
  'Smith|Johnson|Williams|Brown|Jones|Garcia|Miller|Davis|Rodriguez|Martinez|Hernandez|Lopez|' +
    'Gonzalez|Wilson|Anderson|Thomas|Taylor|Moore|Jackson|Martin|Lee|Perez|Thompson|White|Harris|' +
    'Sanchez|Clark|Ramirez|Lewis|Robinson|Walker|Young|Allen|King|Wright|Scott|Torres|Nguyen|Hill|' +
    'Flores|Green|Adams|Nelson|Baker|Hall|Rivera|Campbell|Mitchell|Carter|Roberts|Kowalski|Okafor|' +
    'Tanaka|Patel|Schmidt|Rossi|Dubois|Novak|Larsen|Murphy',
);

/** Company names are `<prefix> <trade>` ("Summit Plumbing"). */
export const COMPANY_PREFIXES = list(
  'Summit|Bright|Evergreen|Harbor|Pioneer|Blue Ridge|Oakwood|Riverside|Keystone|Silver Lake|' +
    'Northstar|Cedar|Redwood|Granite|Maple|Sunrise|Lakeside|Prairie|Coastal|Metro|Liberty|Heritage|' +
    'Valley|Crown|Atlas|Beacon|Frontier|Golden Gate',
);

export const TRADES = list(
  'Plumbing|Electric|HVAC|Roofing|Landscaping|Cleaning Services|Dental Clinic|Property Management|' +
    'Auto Repair|Pest Control|Painting|Construction|Solar|Flooring|Home Care|Moving Co|Pool Services|' +
    'Window Cleaning|Veterinary Clinic|Fitness Studio',
);

export const INDUSTRIES = list(
  'Construction|Healthcare|Real estate|Automotive|Hospitality|Retail|Facilities|Energy|Education|' +
    'Professional services',
);

export const CITIES = list(
  'Austin|Denver|Portland|Phoenix|Atlanta|Chicago|Seattle|Boston|Nashville|San Diego|Minneapolis|' +
    'Tampa|Raleigh|Columbus|Salt Lake City',
);

export const EMAIL_DOMAINS = list(
  'gmail.com|yahoo.com|outlook.com|hotmail.com|icloud.com|proton.me|aol.com|mail.com',
);

/** Lead sources with their share in percent (sums to 100). */
export const LEAD_SOURCES: readonly (readonly [string, number])[] = [
  ['website', 30],
  ['google_ads', 20],
  ['referral', 15],
  ['facebook', 10],
  ['vendor', 10],
  ['phone', 10],
  ['trade_show', 5],
];

/** Lead statuses with their share in percent (sums to 100): most leads are new or being worked. */
export const LEAD_STATUS_MIX: readonly (readonly [
  'new' | 'in_progress' | 'qualified' | 'won' | 'lost',
  number,
])[] = [
  ['new', 35],
  ['in_progress', 25],
  ['qualified', 12],
  ['won', 8],
  ['lost', 20],
];

export const LOST_REASONS = list(
  'Chose a competitor|Too expensive|No response|Project postponed|Out of service area',
);

/** Tags: at most one temperature and one kind per lead. */
export const TEMPERATURE_TAGS = ['hot', 'warm', 'cold'] as const;
export const KIND_TAGS = ['residential', 'commercial', 'vip', 'repeat', 'follow-up'] as const;

export const JOB_TITLES = list(
  'Owner|Office Manager|Operations Manager|Facilities Manager|Purchasing|Property Manager|' +
    'Front Desk|General Manager|Accountant|Director',
);
