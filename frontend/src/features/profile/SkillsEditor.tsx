import { Box, Button, CloseButton, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import {
  LEVEL_LABELS,
  MAX_SKILLS,
  normaliseSkillName,
  skillNameProblem,
  type SkillDraft,
} from './skills';

interface SkillsEditorProps {
  value: SkillDraft[];
  onChange: (skills: SkillDraft[]) => void;
}

const LEVEL_OPTIONS = [
  { value: '', label: 'No level' },
  ...[1, 2, 3, 4, 5].map((level) => ({ value: String(level), label: `${level} · ${LEVEL_LABELS[level]}` })),
];

/**
 * Chips editor for skills: type a name and press Enter (or "Add"); duplicates
 * are refused case-insensitively; each chip has an optional 1–5 level and an
 * accessible remove button.
 */
export function SkillsEditor({ value, onChange }: SkillsEditorProps) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const removeButtons = useRef(new Map<string, HTMLButtonElement>());
  // After a removal, where keyboard focus should land once the list re-renders.
  const pendingFocus = useRef<string | null>(null);
  const listId = useId();

  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    pendingFocus.current = null;
    (removeButtons.current.get(target) ?? inputRef.current)?.focus();
  }, [value]);

  const add = () => {
    const names = draft.split(',').map(normaliseSkillName).filter(Boolean);
    if (names.length === 0) {
      setProblem(null);
      return;
    }
    const next = [...value];
    const problems: string[] = [];
    const rejected: string[] = [];
    for (const name of names) {
      const reason = skillNameProblem(name, next);
      if (reason) {
        problems.push(reason);
        rejected.push(name);
      } else {
        next.push({ name, level: null, source: 'manual' });
      }
    }
    if (next.length !== value.length) onChange(next);
    setProblem(problems.length ? problems.join('. ') : null);
    // Leave only what could not be added in the box, so it can be fixed or cleared.
    setDraft(rejected.join(', '));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault(); // never submit the surrounding form
      add();
    }
  };

  const remove = (index: number) => {
    const neighbour = value[index + 1] ?? value[index - 1];
    pendingFocus.current = neighbour ? neighbour.name : '';
    onChange(value.filter((_, i) => i !== index));
  };

  const setLevel = (index: number, level: string) => {
    onChange(value.map((skill, i) => (i === index ? { ...skill, level: level ? Number(level) : null } : skill)));
  };

  return (
    <Box>
      <TextInput
        ref={inputRef}
        label="Add skill"
        placeholder="e.g. TypeScript, SQL, Figma"
        description="Press Enter to add. Separate several with commas."
        value={draft}
        onChange={(event) => {
          setDraft(event.currentTarget.value);
          if (problem) setProblem(null);
        }}
        onKeyDown={onKeyDown}
        error={problem}
        maxLength={400}
        autoComplete="off"
        rightSectionWidth={72}
        rightSectionPointerEvents="all"
        rightSection={
          <Button size="compact-sm" variant="light" onClick={add} disabled={!draft.trim()}>
            Add
          </Button>
        }
      />

      <Group justify="space-between" mt="md" mb="xs" gap="xs">
        <Text size="sm" fw={500} id={`${listId}-label`}>
          Your skills
        </Text>
        <Text size="xs" c="dimmed">
          {value.length} / {MAX_SKILLS}
        </Text>
      </Group>

      {value.length === 0 ? (
        <Text size="sm" c="dimmed">
          No skills yet. Add the languages, tools and domains you work with; they drive your job matches.
        </Text>
      ) : (
        <Box
          component="ul"
          aria-labelledby={`${listId}-label`}
          className="skill-chips"
        >
          {value.map((skill, index) => (
            <Box
              component="li"
              key={skill.name.toLowerCase()}
              className="skill-chip"
            >
              <Text size="sm" fw={600} c="brand.9" truncate title={skill.name} miw={0}>
                {skill.name}
              </Text>
              <NativeSelect
                className="skill-level"
                classNames={{ input: 'skill-level-input' }}
                aria-label={`Level for ${skill.name}`}
                title="Level from 1 (beginner) to 5 (expert)"
                size="xs"
                variant="unstyled"
                data={LEVEL_OPTIONS}
                value={skill.level ? String(skill.level) : ''}
                onChange={(event) => setLevel(index, event.currentTarget.value)}
                styles={{
                  input: { color: 'var(--mantine-color-dimmed)', paddingInlineStart: 6, height: 28, minHeight: 28 },
                }}
              />
              <CloseButton
                ref={(node) => {
                  if (node) removeButtons.current.set(skill.name, node);
                  else removeButtons.current.delete(skill.name);
                }}
                size="sm"
                radius="xl"
                aria-label={`Remove ${skill.name}`}
                onClick={() => remove(index)}
              />
            </Box>
          ))}
        </Box>
      )}
    </Box>
  );
}
