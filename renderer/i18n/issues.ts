import type { TFunction } from 'i18next';
import { ENTITIES } from '../../shared/entities/registry.ts';

/**
 * The shared schemas speak English, one fixed message per rule; the UI translates each rule by matching its message.
 * Unknown messages are shown as they are rather than hidden.
 */
const RULES: ReadonlyArray<[RegExp, string, (m: RegExpExecArray) => Record<string, string>]> = [
  [/^is required$/, 'issues.required', () => ({})],
  [/^is required to merge$/, 'issues.mergeRequired', () => ({})],
  [/^pick at least one section$/, 'issues.pickSection', () => ({})],
  [/^pick at least one /, 'issues.pickOne', () => ({})],
  [/^needs at least one condition$/, 'issues.needsCondition', () => ({})],
  [/^must be a known setting$/, 'issues.unknownSetting', () => ({})],
  [/^must be greater than 0$/, 'issues.positive', () => ({})],
  [/^must differ from the currency$/, 'issues.sameCurrency', () => ({})],
  [/^must be (\d+) or later$/, 'issues.atLeast', (m) => ({ n: m[1] ?? '' })],
  [/^must be (\d+) or earlier$/, 'issues.atMost', (m) => ({ n: m[1] ?? '' })],
  [/^must be (\d+) to (\d+) digits$/, 'issues.digits', (m) => ({ a: m[1] ?? '', b: m[2] ?? '' })],
  [/^must be (\d+) to (\d+)$/, 'issues.range', (m) => ({ a: m[1] ?? '', b: m[2] ?? '' })],
  [/^(is not a field of this record|names a field this record does not have)$/, 'issues.unknownField', () => ({})],
  [/^cannot (be changed|change) once the record exists$/, 'issues.fixed', () => ({})],
  [/^is append-only/, 'issues.appendOnly', () => ({})],
  [/^may contain only letters, digits, dot, dash and underscore$/, 'issues.code', () => ({})],
  [/^must be the client of the entry being corrected$/, 'issues.correctionClient', () => ({})],
  [/^names an entry that has already been corrected/, 'issues.alreadyCorrected', () => ({})],
  [/^is already used by client (.+)$/, 'issues.creditCodeTaken', (m) => ({ name: m[1] ?? '' })],
  [/^is already used$/, 'issues.alreadyUsed', () => ({})],
  [/^is not the current PIN$/, 'issues.wrongPin', () => ({})],
  [/^needs a sign-in to the sync server$/, 'issues.adminSignIn', () => ({})],
  [/^needs an administrator of the sync server$/, 'issues.adminOnly', () => ({})],
  [/^the sync session ended: sign in again$/, 'issues.sessionEnded', () => ({})],
  [/^cannot be your own account$/, 'issues.ownAccount', () => ({})],
  [/^refers to an? (.+) that does not exist$/, 'issues.refMissing', (m) => ({ noun: m[1] ?? '' })],
  [/^refers to an? (.+) of another client$/, 'issues.refOtherClient', (m) => ({ noun: m[1] ?? '' })],
  [/^cannot refer to the (.+) itself$/, 'issues.refSelf', (m) => ({ noun: m[1] ?? '' })],
  [/^only two versions of a text can be merged$/, 'issues.mergeTextOnly', () => ({})],
  [/^your role may not change this bank-wide data$/, 'issues.roleBankWide', () => ({})],
  [/^names no (client|user|conflict) on the server$/, 'issues.serverUnknown', () => ({})],
  [/^(is later than the reassignment|was created after this client was reassigned)/, 'issues.afterReassignment', () => ({})],
  [/^cannot move a record (out of|into) a client that was reassigned/, 'issues.moveReassigned', () => ({})],
  [/^must have at most (\d+) characters$/, 'issues.maxChars', (m) => ({ n: m[1] ?? '' })],
  [/^must have at least (\d+) characters$/, 'issues.minChars', (m) => ({ n: m[1] ?? '' })],
  [/^must be a UUID$/, 'issues.uuid', () => ({})],
  [/^must be an ISO 8601 UTC date-time$/, 'issues.datetime', () => ({})],
  [/^must be a date in the form YYYY-MM-DD$/, 'issues.date', () => ({})],
  [/^must be a three-letter ISO 4217 currency code$/, 'issues.currency', () => ({})],
  [/^must be a whole number of minor units$/, 'issues.minorUnits', () => ({})],
  [/^must not be negative$/, 'issues.negative', () => ({})],
  [/^is too large$/, 'issues.tooLarge', () => ({})],
  [/^may contain only lower-case letters/, 'issues.login', () => ({})],
  [/^must be 18 characters$/, 'issues.usccLength', () => ({})],
  [/^may contain only digits and upper-case letters/, 'issues.usccCharacters', () => ({})],
  [/^fails the GB 32100-2015 check character$/, 'issues.usccChecksum', () => ({})],
  [/^must be (one of|prospect|large|meeting|open|plan|platinum|rm,)/, 'issues.oneOf', () => ({})],
  [/^must be a phone number/, 'issues.phone', () => ({})],
  [/^must be an e-mail address$/, 'issues.email', () => ({})],
  [/^must be 6–20 letters/, 'issues.wechat', () => ({})],
  [/^must have at most (\d+) (tags|attendees|members)$/, 'issues.maxItems', (m) => ({ n: m[1] ?? '' })],
  [/^must be a whole number( of (months|basis points|days))?$/, 'issues.wholeNumber', () => ({})],
  [/^must be a whole number from (\d+) to (\d+)$/, 'issues.range', (m) => ({ a: m[1] ?? '', b: m[2] ?? '' })],
  [/^must be from (\d+) to (\d+)$/, 'issues.range', (m) => ({ a: m[1] ?? '', b: m[2] ?? '' })],
  [/^must be a number$/, 'issues.number', () => ({})],
  [/^must be at least (\d+)( days?)?$/, 'issues.atLeast', (m) => ({ n: m[1] ?? '' })],
  [/^must be at most ([\d,.]+)( days?)?$/, 'issues.atMost', (m) => ({ n: m[1] ?? '' })],
  [/^a CSAT or an NPS score is required$/, 'issues.scoreRequired', () => ({})],
  [/^must not exceed the total project cost$/, 'issues.debtExceedsCost', () => ({})],
  [/^must not exceed the debt amount$/, 'issues.commitmentExceedsDebt', () => ({})],
  [/^must not exceed the average DSCR$/, 'issues.dscrMinAboveAvg', () => ({})],
  [/^must be an amount$/, 'issues.amount', () => ({})],
  [/^give a minimum or a maximum$/, 'issues.rangeBound', () => ({})],
  [/^must not be below the minimum$/, 'issues.belowMinimum', () => ({})],
  [/^must not be below the lowest grade$/, 'issues.ratingOrder', () => ({})],
  [/^must list every segment once$/, 'issues.segmentOrder', () => ({})],
  [/^names no alert this client has now$/, 'issues.noSuchAlert', () => ({})],
  [/^must (be|name) another client$/, 'issues.anotherClient', () => ({})],
  [/^must be at most 1 MiB$|^must be at most \d+ bytes$/, 'issues.partTooLarge', () => ({})],
  [/^must be base64$/, 'issues.base64', () => ({})],
  [/^must be \d+: parts arrive in order$/, 'issues.partOrder', () => ({})],
  [/^must be clients, contacts, projects, interactions or feedback$/, 'issues.importKind', () => ({})],
  [/^names a file that (was not uploaded|is not being uploaded)$/, 'issues.noSuchFile', () => ({})],
  [/^applies to the client list only$/, 'issues.clientListOnly', () => ({})],
  [/^must have one entry per column \((\d+)\)$/, 'issues.mappingColumns', (m) => ({ n: m[1] ?? '' })],
  [/^names no live client on the server$/, 'issues.serverUnknown', () => ({})],
  [/^names a client outside your scope$/, 'issues.outsideScope', () => ({})],
  [/^is required: a merged client is deleted$/, 'issues.mergedDeleted', () => ({})],
  [/^can take one value only$/, 'issues.oneValueOnly', () => ({})],
  [/^must have at most (\d+) items$/, 'issues.maxItems', (m) => ({ n: m[1] ?? '' })],
  [/^must be the client of the feedback entry$/, 'issues.feedbackClient', () => ({})],
  [/^The PIN is required\.?$/, 'issues.pinRequired', () => ({})],
  [/^The PIN is not right\.?$/, 'issues.wrongPin', () => ({})],
  [/^is not correct$/, 'issues.notCorrect', () => ({})],
  [/^must be 64 hexadecimal digits$/, 'issues.recoveryKeyFormat', () => ({})],
  [/^names no backup$/, 'issues.noSuchBackup', () => ({})],
  [/^is not a scope your role may see$/, 'issues.scopeNotAllowed', () => ({})],
  [/^needs to know who uses this device/, 'issues.identityNeeded', () => ({})],
  [/^applies only to NPS$/, 'issues.onlyNps', () => ({})],
  [/^already has a target for this KPI/, 'issues.targetExists', () => ({})],
  [/^an action is linked to one KPI gap, risk alert or feedback entry$/, 'issues.actionLink', () => ({})],
  [/^applies only to an? (KPI gap|risk alert)$|^does not apply to a risk alert$|^applies only to financing volume targets$/, 'issues.notApplicable', () => ({})],
  [/^is required for an? (KPI gap|risk alert|financing volume target)$/, 'issues.required', () => ({})],
  [/^must be CSAT or NPS for a feedback entry$/, 'issues.csatOrNps', () => ({})],
  [/^must be after the start of the period$/, 'issues.afterPeriodStart', () => ({})],
  [/^a target is for a quarter or a month, not both$/, 'issues.targetPeriod', () => ({})],
  [/^must be a whole, non-negative number of minor units$/, 'issues.minorUnits', () => ({})],
  [/^must be a share from 0 to 1$/, 'issues.share', () => ({})],
  [/^must be from −100 to 100 points$/, 'issues.npsRange', () => ({})],
  [/^must be a whole, non-negative number of clients$/, 'issues.clientCount', () => ({})],
  [/^must be month, quarter, year or custom$/, 'issues.oneOf', () => ({})],
  [/^must be an https? URL$|^must be an http\(s\) URL$/, 'sync.urlScheme', () => ({})],
  [/^must use https/, 'sync.errors.insecure_url', () => ({})],
  [/^login or password is not correct$/, 'sync.loginFailed', () => ({})],
];

/** The i18n key and values for one schema message, or null when no rule knows it. */
export function issueKey(message: string): { key: string; values: Record<string, string> } | null {
  for (const [pattern, key, values] of RULES) {
    const match = pattern.exec(message);
    if (match) return { key, values: values(match) };
  }
  return null;
}

const CROSS_FIELD_RULES = new Set(['issues.scoreRequired', 'issues.debtExceedsCost', 'issues.commitmentExceedsDebt', 'issues.dscrMinAboveAvg']);

/** Rules about how fields relate (not about one field's format), whose message stays meaningful when the field is empty. */
export function isCrossFieldRule(message: string): boolean {
  return CROSS_FIELD_RULES.has(issueKey(message)?.key ?? '');
}

/** The registry's entity name for an English noun in a message, so the noun is shown in the UI language. */
const ENTITY_BY_NOUN = new Map(Object.values(ENTITIES).map((entity) => [entity.noun, entity.name]));

export function translateIssue(message: string, t: TFunction): string {
  const known = issueKey(message);
  if (!known) return message;
  const { noun, ...values } = known.values;
  const entity = noun === undefined ? undefined : ENTITY_BY_NOUN.get(noun);
  return t(known.key, noun === undefined ? values : { ...values, noun: entity ? t(`entityNoun.${entity}`) : noun });
}
