import type { SkillRead } from '../../client/types';

export const MAX_SKILLS = 200;
export const MAX_SKILL_NAME_LENGTH = 80;

export interface SkillDraft {
  name: string;
  level: number | null;
  source?: SkillRead['source'];
}

export const LEVEL_LABELS: Record<number, string> = {
  1: 'Beginner',
  2: 'Basic',
  3: 'Intermediate',
  4: 'Advanced',
  5: 'Expert',
};

/** Normalise whitespace of a typed skill name. */
export function normaliseSkillName(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

export function sameSkill(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0 || a.toLowerCase() === b.toLowerCase();
}

/** Why `name` cannot be added to `skills`, or null if it can. */
export function skillNameProblem(name: string, skills: readonly SkillDraft[]): string | null {
  if (!name) return 'Type a skill first';
  if (name.length > MAX_SKILL_NAME_LENGTH) return `Keep skill names to ${MAX_SKILL_NAME_LENGTH} characters or fewer`;
  const existing = skills.find((skill) => sameSkill(skill.name, name));
  if (existing) return `“${existing.name}” is already in your skills`;
  if (skills.length >= MAX_SKILLS) return `You can list up to ${MAX_SKILLS} skills`;
  return null;
}
