// Stable fingerprints: the same finding keeps its fingerprint when unrelated lines move.
import { createHash } from 'node:crypto';

/** Normalised text of a line: case and white space do not make a different finding. */
export function normalizeKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/**
 * Fingerprint = hash of rule, path, the finding's key (its own identity, or the flagged line's text) and the
 * occurrence index among findings sharing that key, so two identical lines in one file stay distinct.
 */
export function fingerprint(ruleId: string, path: string, key: string, occurrence: number): string {
  return createHash('sha256').update(`${ruleId}\0${path}\0${key}\0${occurrence}`).digest('hex').slice(0, 32);
}
