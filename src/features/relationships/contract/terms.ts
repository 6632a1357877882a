// What a contract version says (contract_versions.terms, jsonb): its fields, the ways of judging
// success it offers, and how stored terms are read back — defensively, so an older version missing a
// field still reads.
import { z } from 'zod';

export const successMeasures = ['takeaway', 'score', 'emoji'] as const;
export type SuccessMeasure = (typeof successMeasures)[number];

/** The session reflection's three parts (PRODUCT.md, journey 5), as the contract offers them. */
export const successLabels: Record<SuccessMeasure, string> = {
  takeaway: 'One thing I got out of each session',
  score: 'A score from 1 to 10 for how useful each session was',
  emoji: 'An emoji for how each session felt',
};

export const DEFAULT_SESSION_MINUTES = 60;

/**
 * What a version holds. The programme's limits of confidentiality are copied in when the version is
 * saved, so a signature stays a signature on exactly the words that were shown.
 */
export interface ContractTerms {
  menteeExpects: string;
  mentorExpects: string;
  frequency: string;
  sessionMinutes: number;
  modes: string[];
  place: string;
  firstFaceToFace: boolean;
  boundaries: string;
  confidentialityText: string;
  confidentialityExtra: string;
  success: SuccessMeasure[];
  successOwnWords: string;
}

/** Stored terms read defensively: a field missing from an older version reads as empty, never as an error. */
const storedTerms = z.object({
  menteeExpects: z.string().catch(''),
  mentorExpects: z.string().catch(''),
  frequency: z.string().catch(''),
  sessionMinutes: z.number().int().catch(DEFAULT_SESSION_MINUTES),
  modes: z.array(z.string()).catch([]),
  place: z.string().catch(''),
  firstFaceToFace: z.boolean().catch(true),
  boundaries: z.string().catch(''),
  confidentialityText: z.string().catch(''),
  confidentialityExtra: z.string().catch(''),
  success: z.array(z.enum(successMeasures)).catch([]),
  successOwnWords: z.string().catch(''),
});

export function readTerms(stored: unknown): ContractTerms {
  return storedTerms.parse(stored && typeof stored === 'object' ? stored : {});
}
