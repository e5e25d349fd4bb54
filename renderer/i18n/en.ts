import type { Messages } from './zhCN.ts';
import { ENUM_LABELS } from '../../shared/i18n/enumLabels.ts';

export const en: Messages = {
  app: { title: 'Project Finance CRM', nav: { clients: 'Clients', tasks: 'Tasks' }, language: 'Language', me: 'Relationship manager' },
  status: {
    online: 'Online', offline: 'Offline',
    onlineHint: 'Network connected. All data lives in the encrypted database on this computer.',
    offlineHint: 'You are offline. Everything works as usual; all data lives in the encrypted database on this computer.',
  },
  common: {
    save: 'Save', cancel: 'Cancel', edit: 'Edit', delete: 'Delete', undo: 'Undo', add: 'Add', retry: 'Retry',
    loading: 'Loading…', error: 'Something went wrong', empty: 'Nothing here yet', none: '—', yes: 'Yes', no: 'No', actions: 'Actions',
    deleted: 'Deleted “{{name}}”', restored: 'Restored “{{name}}”', saved: 'Saved', back: 'Back to clients',
    confirmDelete: 'Delete “{{name}}”? You can undo this.', close: 'Close',
  },
  errors: {
    not_found: 'The record does not exist or was deleted.', invalid_input: 'Please check the marked fields.',
    conflict: 'The record changed meanwhile; refresh and try again.', unknown_method: 'App version mismatch; please restart.',
    store_locked: 'The database is locked; unlock it first.', internal: 'The local data service failed; please try again.',
    fixFields: 'Please correct the marked fields',
  },
  issues: {
    required: 'Required', maxChars: 'At most {{n}} characters', minChars: 'At least {{n}} characters', uuid: 'Must be a valid id',
    datetime: 'Enter a valid date and time', date: 'Enter a valid date (YYYY-MM-DD)', currency: 'Enter a three-letter ISO 4217 currency code',
    minorUnits: 'Enter a valid amount', negative: 'Must not be negative', tooLarge: 'The number is too large',
    login: 'Only lower-case letters, digits, dot, dash and underscore', usccLength: 'A unified social credit code has 18 characters',
    usccCharacters: 'Only digits and upper-case letters (no I, O, S, V, Z)', usccChecksum: 'The check character does not match (GB 32100-2015)',
    oneOf: 'Choose a value from the list', phone: 'Enter a valid phone number', email: 'Enter a valid e-mail address',
    wechat: 'A WeChat ID has 6–20 letters, digits, - or _, starting with a letter', maxItems: 'At most {{n}} items',
    wholeNumber: 'Enter a whole number', number: 'Enter a number', atLeast: 'Must be at least {{n}}', atMost: 'Must be at most {{n}}',
    range: 'Enter a whole number from {{a}} to {{b}}', scoreRequired: 'Enter a CSAT or an NPS score',
    debtExceedsCost: 'Must not exceed the total project cost', commitmentExceedsDebt: 'Must not exceed the debt amount',
    dscrMinAboveAvg: 'Must not exceed the average DSCR', amount: 'Enter an amount, e.g. 1,200,000.00',
  },
  enums: ENUM_LABELS.en,
  clients: {
    ownerByReassignment: 'A team lead changes the relationship manager by reassigning the client (RM scorecards)',
    title: 'Clients', count: '{{n}} clients', new: 'New client', editTitle: 'Edit client', createTitle: 'New client',
    emptyTitle: 'No clients yet', emptyHint: 'Use “New client” to add the first one.', noMatches: 'No clients match these filters', loadError: 'Could not load clients',
    columns: 'Columns', resetColumns: 'Reset columns', filters: 'Filters', clearFilters: 'Clear filters',
    tableLabel: 'Clients; use the arrow keys to move and Enter to open a profile', sortBy: 'Sort by {{column}}',
    field: {
      legalName: 'Name', englishName: 'English name', creditCode: 'Unified social credit code', rating: 'Credit rating',
      lastReviewRating: 'Rating at last review', industry: 'Industry', region: 'Region', sizeBand: 'Size', status: 'Status',
      ownerLogin: 'Relationship manager', teamCode: 'Team', lastContactAt: 'Last contact', segment: 'Segment',
      relationshipStart: 'Relationship since', tags: 'Tags', notes: 'Notes', annualRevenueMinor: 'Annual revenue',
      totalAssetsMinor: 'Total assets', financialsCurrency: 'Financials currency', createdAt: 'Created',
    },
    tagsHint: 'Separate tags with commas',
  },
  search: {
    placeholder: 'Search clients, contacts, notes', label: 'Search', noHits: 'Nothing found for “{{query}}”', shortcut: 'Shortcut: / or Ctrl+K',
    group: { client: 'Clients', contact: 'Contacts', interaction: 'Interactions' }, count: '{{count}}', countMore: '{{count}}+',
    moreOf: { client: 'More clients', contact: 'More contacts', interaction: 'More interactions' }, error: 'Search failed',
  },
  profile: {
    tabs: { overview: 'Overview', contacts: 'Contacts', projects: 'Projects', interactions: 'Interactions', feedback: 'Feedback', tasks: 'Tasks' },
    segment: 'Segment', noSegment: 'No matching segment', tier: 'Service tier', policy: 'Service policy', cadence: 'Contact cadence',
    cadenceDays: 'every {{n}} days', review: 'Review frequency', channels: 'Preferred channels', notFound: 'Client not found',
    interactionsShown: 'Showing the latest {{shown}} of {{total}}',
  },
  contacts: {
    new: 'Add contact', editTitle: 'Edit contact', empty: 'No contacts yet',
    field: { name: 'Name', title: 'Title', department: 'Department', phone: 'Phone', email: 'E-mail', wechatId: 'WeChat ID', isDecisionMaker: 'Decision maker' },
  },
  projects: {
    new: 'Add project', editTitle: 'Edit project', empty: 'No projects yet', dscrVsCovenant: 'DSCR / covenant',
    amountHeader: '{{label}} ({{unit}})', belowCovenant: 'Below covenant', nearCovenant: 'Near covenant', amountsHint: 'Amounts in the chosen currency, e.g. 1,200,000,000.00',
    field: {
      name: 'Project name', sector: 'Sector', currency: 'Currency', totalCostMinor: 'Total project cost', debtAmountMinor: 'Debt amount',
      ourCommitmentMinor: 'Our commitment', tenorMonths: 'Tenor (months)', marginBps: 'Margin (bps)', stage: 'Stage',
      expectedCloseDate: 'Expected close', dscrMin: 'Minimum DSCR', dscrAvg: 'Average DSCR', covenantMinDscr: 'Covenant minimum DSCR',
      sponsor: 'Sponsor', spvName: 'SPV', syndicateMembers: 'Syndicate members',
    },
  },
  interactions: {
    new: 'Log interaction', editTitle: 'Edit interaction', empty: 'No interactions yet', olderFound: 'Older record (search result)', followUp: 'Create a task from the next steps', followUpDue: 'Task due date',
    field: { type: 'Type', occurredAt: 'When', attendeeLogins: 'Our attendees', notes: 'Notes', outcomes: 'Outcomes', nextSteps: 'Next steps' },
  },
  feedback: {
    new: 'Record feedback', correct: 'Correct', correctTitle: 'Correct feedback', empty: 'No feedback yet', superseded: 'Superseded',
    field: { csat: 'CSAT (1–5)', nps: 'NPS (0–10)', comment: 'Comment', channel: 'Channel', givenOn: 'Date', capturedBy: 'Captured by' },
  },
  tasks: {
    title: 'My tasks', new: 'New task', editTitle: 'Edit task', empty: 'No open tasks', overdue: 'Overdue', dueToday: 'Due today',
    allAssignees: 'All relationship managers', openClient: 'Open client', assignee: 'Assignee', loadError: 'Could not load tasks', markDone: 'Mark done',
    field: { title: 'Title', details: 'Details', dueDate: 'Due date', assigneeLogin: 'Assignee', status: 'Status', client: 'Client' },
  },
};
