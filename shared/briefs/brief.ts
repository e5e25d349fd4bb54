import { z } from 'zod';
import type { ClientProfile, FeedbackEntry } from '../api/contract.ts';
import { Id } from '../domain/index.ts';
import type { RiskAlert } from '../risk/alert.ts';

/** The parts of a client brief (product.md "PDF client brief"), in the order they print: risk alerts right after the profile, where a reader looks first. */
export const BRIEF_SECTIONS = ['profile', 'risks', 'contacts', 'projects', 'interactions', 'tasks', 'feedback'] as const;
export const BriefSection = z.enum(BRIEF_SECTIONS);
export type BriefSection = z.infer<typeof BriefSection>;

export const BRIEF_LANGUAGES = ['zh-CN', 'en'] as const;
export const BriefLanguage = z.enum(BRIEF_LANGUAGES);
export type BriefLanguage = z.infer<typeof BriefLanguage>;

/** What the user asks for: which client, in which language, with which sections. */
export const BriefRequest = z.object({
  clientId: Id,
  language: BriefLanguage,
  sections: z.array(BriefSection).min(1, { message: 'pick at least one section' }).max(BRIEF_SECTIONS.length),
});
export type BriefRequest = z.infer<typeof BriefRequest>;

/**
 * A brief rendered by the backend (`briefs.render`), ready for any host to print: the self-contained document,
 * the page header and footer templates, a file name, and how many risk alerts it shows.
 */
export const RenderedBrief = z.object({
  html: z.string(),
  chrome: z.object({ headerTemplate: z.string(), footerTemplate: z.string() }),
  fileName: z.string(),
  alerts: z.number().int(),
});
export type RenderedBrief = z.infer<typeof RenderedBrief>;

/** What "Export brief" answers: where the PDF went, or that the user cancelled the save dialog. */
export type BriefExportResult = { saved: false } | { saved: true; file: string; bytes: number };

/** Interactions a brief lists; the rest are counted ("20 of 200"), so a long history stays a brief. */
export const BRIEF_INTERACTIONS = 20;
/** Characters of an interaction's notes a brief quotes. */
export const BRIEF_NOTE_CHARS = 280;

export interface FeedbackPeriod {
  /** 2026-Q3 */
  label: string;
  responses: number;
  csatMean: number | null;
  /** % promoters (9–10) − % detractors (0–6), product.md; null without NPS answers. */
  nps: number | null;
}

/** Everything the brief template prints, computed once from the client 360. */
export interface BriefModel {
  language: BriefLanguage;
  sections: BriefSection[];
  /** Local calendar date the brief was generated, YYYY-MM-DD, the basis of every "days since". */
  today: string;
  generatedAt: string;
  profile: ClientProfile;
  interactions: ClientProfile['recentInteractions'];
  alerts: RiskAlert[];
  feedbackTrend: FeedbackPeriod[];
  /** Live feedback (corrected entries replaced by their corrections), newest first. */
  liveFeedback: FeedbackEntry[];
}

export interface BriefOptions {
  language: BriefLanguage;
  sections: readonly BriefSection[];
  generatedAt: Date;
  /** The client's risk alerts as the risk list shows them (the backend evaluates every rule, concentration included). */
  alerts: readonly RiskAlert[];
}

/** NPS over a set of 0–10 answers: % promoters − % detractors, rounded to a whole point. */
export function npsScore(answers: readonly number[]): number | null {
  if (answers.length === 0) return null;
  const promoters = answers.filter((n) => n >= 9).length;
  const detractors = answers.filter((n) => n <= 6).length;
  return Math.round(((promoters - detractors) * 100) / answers.length);
}

const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/** CSAT mean and NPS per calendar quarter over the `quarters` quarters ending with today's, oldest first. */
export function feedbackTrend(feedback: readonly FeedbackEntry[], today: string, quarters = 8): FeedbackPeriod[] {
  const labels: string[] = [];
  let year = Number(today.slice(0, 4));
  let quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  for (let i = 0; i < quarters; i++) {
    labels.unshift(`${year}-Q${quarter}`);
    quarter -= 1;
    if (quarter === 0) [year, quarter] = [year - 1, 4];
  }
  return labels.map((label) => {
    const entries = feedback.filter((f) => quarterOf(f.givenOn) === label);
    const csat = entries.flatMap((f) => (f.csat === null ? [] : [f.csat]));
    const nps = entries.flatMap((f) => (f.nps === null ? [] : [f.nps]));
    return {
      label,
      responses: entries.length,
      csatMean: csat.length ? Math.round((csat.reduce((a, b) => a + b, 0) / csat.length) * 100) / 100 : null,
      nps: npsScore(nps),
    };
  });
}

/** The brief for one client 360: risk alerts, feedback trend and the slices each section prints. */
export function buildBrief(profile: ClientProfile, options: BriefOptions): BriefModel {
  const generatedAt = options.generatedAt.toISOString();
  // The reader's calendar day, not UTC's: a brief made at 07:00 in Beijing is dated that day.
  const today = new Date(options.generatedAt.getTime() - options.generatedAt.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  const liveFeedback = profile.feedback.filter((f) => f.supersededById === null && f.deletedAt === null);
  return {
    language: options.language,
    sections: BRIEF_SECTIONS.filter((s) => options.sections.includes(s)),
    today,
    generatedAt,
    profile,
    interactions: profile.recentInteractions.slice(0, BRIEF_INTERACTIONS),
    alerts: [...options.alerts],
    feedbackTrend: feedbackTrend(liveFeedback, today),
    liveFeedback,
  };
}

/** A file name for the saved brief: the client's name (without characters file systems refuse) and the date. */
export function briefFileName(legalName: string, today: string): string {
  const safe = [...legalName.replace(/[\\/:*?"<>|]/g, '_')].map((c) => (c.charCodeAt(0) < 32 ? '_' : c)).join('').trim().slice(0, 80) || 'client';
  return `${safe}-brief-${today}.pdf`;
}
