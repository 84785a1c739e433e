/** Where a cover letter's sentences come from (`report.sentences`), and the placeholders left to fill in. */
import type { DocumentRead, LetterSentence, SentenceSource } from '../../client/types';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sourceOf(raw: unknown): SentenceSource | null {
  if (!isRecord(raw) || typeof raw.kind !== 'string') return null;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return { kind: raw.kind, ref: text(raw.ref), label: text(raw.label), quote: text(raw.quote) };
}

/** The report's sentences, read defensively (older documents have none; the server types `report` loosely). */
export function reportSentences(document: Pick<DocumentRead, 'report'>): LetterSentence[] {
  const raw = (document.report ?? {}).sentences;
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((s): s is Record<string, unknown> => isRecord(s) && typeof s.text === 'string' && s.text.trim() !== '')
    .map((s) => ({
      text: s.text as string,
      sources: Array.isArray(s.sources) ? s.sources.map(sourceOf).filter((x): x is SentenceSource => x !== null) : [],
    }));
}

/** `[Why Harbor Health: one sentence in your words]`: square brackets not followed by a link's `(`. */
export const PLACEHOLDER = /\[[^[\]\n]{2,}\](?!\()/g;

export function placeholdersIn(text: string): string[] {
  return text.match(PLACEHOLDER) ?? [];
}

export type Segment = { type: 'text'; text: string } | { type: 'sentence'; index: number; text: string };

/**
 * The letter cut into its sentences (in order) and the text between them (paragraph breaks, a heading). A sentence
 * the user has since edited away is not found and stays plain text; `missing` counts them.
 */
export function segmentLetter(content: string, sentences: readonly LetterSentence[]): { segments: Segment[]; missing: number } {
  const segments: Segment[] = [];
  let cursor = 0;
  let missing = 0;
  sentences.forEach((sentence, index) => {
    const at = content.indexOf(sentence.text, cursor);
    if (at < 0) {
      missing += 1;
      return;
    }
    if (at > cursor) segments.push({ type: 'text', text: content.slice(cursor, at) });
    segments.push({ type: 'sentence', index, text: sentence.text });
    cursor = at + sentence.text.length;
  });
  if (cursor < content.length) segments.push({ type: 'text', text: content.slice(cursor) });
  return { segments, missing };
}

export const SOURCE_KINDS: Record<string, { label: string; color: string }> = {
  resume: { label: 'Resume', color: 'blue' },
  profile: { label: 'Profile', color: 'grape' },
  posting: { label: 'Job posting', color: 'teal' },
  courtesy: { label: 'Courtesy', color: 'gray' },
  user: { label: 'Your words', color: 'green' },
  placeholder: { label: 'To fill in', color: 'orange' },
  llm: { label: 'AI wording', color: 'red' },
};

export function sourceKind(kind: string): { label: string; color: string } {
  return SOURCE_KINDS[kind] ?? { label: kind, color: 'gray' };
}
