/**
 * The resume's structure (JSON Resume) as the editor's form holds it, and back. The form keeps every field the
 * server sends, shown or not, so saving never drops what the editor does not display.
 */
import { randomId } from '@mantine/hooks';
import { ApiError } from '../../client';
import type { JsonResume, StructureOrigin } from '../../client/types';

type Basics = NonNullable<JsonResume['basics']>;
type Work = NonNullable<JsonResume['work']>[number];
type Education = NonNullable<JsonResume['education']>[number];
type Skill = NonNullable<JsonResume['skills']>[number];
type Project = NonNullable<JsonResume['projects']>[number];
type Certificate = NonNullable<JsonResume['certificates']>[number];
type Language = NonNullable<JsonResume['languages']>[number];

/** A line of a list the user edits in place (highlights); the key keeps React's rows stable when reordered. */
export interface LineValue {
  key: string;
  text: string;
}

/** Dates are text in the form ("" when absent); a role without an end date is current. */
type Dated<T> = Omit<T, 'startDate' | 'endDate'> & { key: string; startDate: string; endDate: string };

export type WorkValues = Omit<Dated<Work>, 'highlights'> & { current: boolean; highlights: LineValue[] };
export type EducationValues = Dated<Education> & { courses: string[] };
export type SkillValues = Skill & { key: string; keywords: string[] };
export type ProjectValues = Omit<Dated<Project>, 'highlights'> & { highlights: LineValue[]; keywords: string[] };
export type CertificateValues = Omit<Certificate, 'date'> & { key: string; date: string };
export type LanguageValues = Language & { key: string };

export interface StructureValues {
  basics: Required<Omit<Basics, 'location'>> & { location: NonNullable<Basics['location']> };
  work: WorkValues[];
  education: EducationValues[];
  skills: SkillValues[];
  projects: ProjectValues[];
  certificates: CertificateValues[];
  languages: LanguageValues[];
}

export const ORIGIN_BADGES: Record<NonNullable<StructureOrigin> | 'unknown', { label: string; color: string; hint: string }> = {
  parsed: { label: 'Read from your file — check it', color: 'yellow', hint: 'We read this from your file: check each role and date.' },
  // Not stored yet (an older upload): the server read it just now, the same way.
  unknown: { label: 'Read from your file — check it', color: 'yellow', hint: 'We read this from your file: check each role and date.' },
  edited: { label: 'Corrected by you', color: 'green', hint: 'Your corrections are what letters and tailored resumes are written from.' },
  imported: { label: 'Imported', color: 'blue', hint: 'Imported from a JSON Resume file, as written.' },
};

/** The shape of a date the server takes ("YYYY", "YYYY-MM" or "YYYY-MM-DD"); it checks the range itself. */
const DATE_SHAPE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function dateProblem(value: string): string | null {
  const date = value.trim();
  return !date || DATE_SHAPE.test(date) ? null : 'Write the date as YYYY, YYYY-MM or YYYY-MM-DD';
}

const line = (text: string): LineValue => ({ key: randomId(), text });

export function newLine(): LineValue {
  return line('');
}

export function newWork(): WorkValues {
  return { key: randomId(), name: '', position: '', location: '', url: '', startDate: '', endDate: '', current: false, summary: '', highlights: [newLine()] };
}

export function newEducation(): EducationValues {
  return { key: randomId(), institution: '', area: '', studyType: '', startDate: '', endDate: '', score: '', courses: [] };
}

export function newSkill(): SkillValues {
  return { key: randomId(), name: '', level: '', keywords: [] };
}

export function newProject(): ProjectValues {
  return { key: randomId(), name: '', description: '', url: '', startDate: '', endDate: '', highlights: [], keywords: [] };
}

export function newCertificate(): CertificateValues {
  return { key: randomId(), name: '', issuer: '', date: '', url: '' };
}

export function newLanguage(): LanguageValues {
  return { key: randomId(), language: '', fluency: '' };
}

/** The server's structure as the form's values. */
export function toValues(structure: JsonResume | null | undefined): StructureValues {
  const s = structure ?? {};
  const b = s.basics;
  return {
    basics: {
      name: b?.name ?? '',
      label: b?.label ?? '',
      email: b?.email ?? '',
      phone: b?.phone ?? '',
      url: b?.url ?? '',
      summary: b?.summary ?? '',
      location: { address: '', city: '', region: '', countryCode: '', ...b?.location },
      profiles: b?.profiles ?? [],
    },
    work: (s.work ?? []).map((w) => ({
      ...newWork(),
      ...w,
      startDate: w.startDate ?? '',
      endDate: w.endDate ?? '',
      // A role with a start and no end is the one you are in now.
      current: !w.endDate && Boolean(w.startDate),
      highlights: (w.highlights ?? []).map(line),
    })),
    education: (s.education ?? []).map((e) => ({ ...newEducation(), ...e, startDate: e.startDate ?? '', endDate: e.endDate ?? '', courses: e.courses ?? [] })),
    skills: (s.skills ?? []).map((k) => ({ ...newSkill(), ...k, keywords: k.keywords ?? [] })),
    projects: (s.projects ?? []).map((p) => ({
      ...newProject(),
      ...p,
      startDate: p.startDate ?? '',
      endDate: p.endDate ?? '',
      highlights: (p.highlights ?? []).map(line),
      keywords: p.keywords ?? [],
    })),
    certificates: (s.certificates ?? []).map((c) => ({ ...newCertificate(), ...c, date: c.date ?? '' })),
    languages: (s.languages ?? []).map((l) => ({ ...newLanguage(), ...l })),
  };
}

const date = (value: string): string | null => value.trim() || null;
const lines = (items: LineValue[]): string[] => items.map((item) => item.text.trim()).filter(Boolean);

/**
 * Blank lines are left out before saving (the server refuses empty highlights), so the form is cleaned first
 * and a server error's index still points at the line on screen.
 */
export function withoutBlankLines(values: StructureValues): StructureValues {
  const keep = (items: LineValue[]) => items.filter((item) => item.text.trim());
  return {
    ...values,
    work: values.work.map((w) => ({ ...w, highlights: keep(w.highlights) })),
    projects: values.projects.map((p) => ({ ...p, highlights: keep(p.highlights) })),
  };
}

/** The form's values as the JSON Resume the server stores. */
export function toStructure(values: StructureValues): JsonResume {
  const { basics } = values;
  return {
    basics: { ...basics, location: { ...basics.location } },
    work: values.work.map(({ key: _key, current, ...w }) => ({
      ...w,
      startDate: date(w.startDate),
      endDate: current ? null : date(w.endDate),
      highlights: lines(w.highlights),
    })),
    education: values.education.map(({ key: _key, ...e }) => ({ ...e, startDate: date(e.startDate), endDate: date(e.endDate) })),
    skills: values.skills.map(({ key: _key, ...k }) => k),
    projects: values.projects.map(({ key: _key, ...p }) => ({
      ...p,
      startDate: date(p.startDate),
      endDate: date(p.endDate),
      highlights: lines(p.highlights),
    })),
    certificates: values.certificates.map(({ key: _key, ...c }) => ({ ...c, date: date(c.date) })),
    languages: values.languages.map(({ key: _key, ...l }) => l),
  };
}

/** Client-side checks: only the shape of dates (the server checks the rest and answers 422 per field). */
export function validateStructure(values: StructureValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const check = (path: string, value: string) => {
    const problem = dateProblem(value);
    if (problem) errors[path] = problem;
  };
  values.work.forEach((w, i) => {
    check(`work.${i}.startDate`, w.startDate);
    if (!w.current) check(`work.${i}.endDate`, w.endDate);
  });
  values.education.forEach((e, i) => {
    check(`education.${i}.startDate`, e.startDate);
    check(`education.${i}.endDate`, e.endDate);
  });
  values.projects.forEach((p, i) => {
    check(`projects.${i}.startDate`, p.startDate);
    check(`projects.${i}.endDate`, p.endDate);
  });
  values.certificates.forEach((c, i) => check(`certificates.${i}.date`, c.date));
  return errors;
}

/** Lists of lines: the server's index of a highlight names the line's text field in the form. */
const LINE_LISTS = new Set(['highlights']);

/**
 * A 422's per-field errors as form paths: `["body", "work", 0, "endDate"]` → `work.0.endDate`, and a highlight
 * `["body", "work", 0, "highlights", 2]` → `work.0.highlights.2.text`. Entries without a place stay unplaced.
 */
export function structureFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const body = error.body as { errors?: unknown; detail?: unknown } | null;
  const entries = Array.isArray(body?.errors) ? body.errors : Array.isArray(body?.detail) ? body.detail : [];
  const out: Record<string, string> = {};
  for (const entry of entries as { loc?: unknown; msg?: unknown }[]) {
    if (!Array.isArray(entry?.loc) || typeof entry.msg !== 'string') continue;
    const parts = entry.loc.filter((part) => part !== 'body').map(String);
    if (parts.length === 0) continue;
    if (LINE_LISTS.has(parts[parts.length - 2] ?? '')) parts.push('text');
    const message = entry.msg.charAt(0).toUpperCase() + entry.msg.slice(1);
    out[parts.join('.')] ??= message;
  }
  return out;
}

/** "Senior Engineer at Initech" (or what there is of it), to name a role in labels and legends. */
export function roleName(work: Pick<WorkValues, 'position' | 'name'>): string {
  const position = work.position.trim();
  const employer = (work.name ?? '').trim();
  if (position && employer) return `${position} at ${employer}`;
  return position || employer || 'New role';
}
