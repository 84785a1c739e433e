import { Accordion, Text } from '@mantine/core';
import type { ResumeRead } from '../../client/types';

/** The sections the server splits a resume into, in reading order. */
export const SECTION_LABELS: Record<string, string> = {
  contact: 'Contact',
  summary: 'Summary',
  experience: 'Experience',
  education: 'Education',
  skills: 'Skills',
  projects: 'Projects',
  certifications: 'Certifications',
  other: 'Other',
};

const ORDER = Object.keys(SECTION_LABELS);

function label(key: string): string {
  return SECTION_LABELS[key] ?? key.charAt(0).toUpperCase() + key.slice(1).replace(/_/g, ' ');
}

/** Known sections in their usual order, then any others the server added; empty ones are left out. */
export function orderedSections(sections: Record<string, string>): [key: string, text: string][] {
  const rank = (key: string) => (ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length);
  return Object.entries(sections)
    .filter(([, text]) => text.trim())
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** A preview of what was read, one collapsible part per section (the whole text when none were found). */
export function ResumeSections({ resume }: { resume: Pick<ResumeRead, 'sections' | 'text'> }) {
  const parts = orderedSections(resume.sections);
  if (parts.length === 0 && !resume.text.trim()) return null;
  const items = parts.length > 0 ? parts : [['text', resume.text] as [string, string]];
  return (
    <Accordion multiple variant="separated" chevronPosition="left">
      {items.map(([key, text]) => (
        <Accordion.Item key={key} value={key}>
          <Accordion.Control>{key === 'text' ? 'The text we read' : label(key)}</Accordion.Control>
          <Accordion.Panel>
            <Text size="sm" className="pre-wrap wrap-anywhere">
              {text}
            </Text>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
