import { Box, Button, TextInput } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { MAX_SKILL_NAME_LENGTH, normaliseSkillName, sameSkill } from '../profile/skills';

const chipListStyle = { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: 8 } as const;

interface SkillChipProps {
  name: string;
  pressed: boolean;
  onToggle: () => void;
  title?: string;
}

/** A skill that can be kept (pressed) or left out: a toggle button, so its state is announced. */
export function SkillChip({ name, pressed, onToggle, title }: SkillChipProps) {
  return (
    <Button
      size="compact-sm"
      radius="xl"
      variant={pressed ? 'light' : 'default'}
      aria-pressed={pressed}
      title={title ?? (pressed ? `Keep ${name}; click to leave it out` : `Left out; click to keep ${name}`)}
      onClick={onToggle}
      leftSection={<span aria-hidden="true">{pressed ? '✓' : '+'}</span>}
      styles={{ label: { textDecoration: pressed ? undefined : 'line-through' } }}
    >
      {name}
    </Button>
  );
}

interface SkillToggleListProps {
  label: string;
  names: readonly string[];
  isPressed: (name: string) => boolean;
  onToggle: (name: string) => void;
  titles?: Record<string, string>;
}

export function SkillToggleList({ label, names, isPressed, onToggle, titles }: SkillToggleListProps) {
  return (
    <Box component="ul" aria-label={label} style={chipListStyle}>
      {names.map((name) => (
        <li key={name.toLowerCase()}>
          <SkillChip name={name} pressed={isPressed(name)} onToggle={() => onToggle(name)} title={titles?.[name]} />
        </li>
      ))}
    </Box>
  );
}

interface AddSkillInputProps {
  /** Every name already on screen (found, in the profile, added): a duplicate is refused. */
  existing: readonly string[];
  onAdd: (name: string) => void;
}

/** Type a skill the resume missed and press Enter (or "Add"). */
export function AddSkillInput({ existing, onAdd }: AddSkillInputProps) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = () => {
    const name = normaliseSkillName(draft);
    if (!name) return;
    if (name.length > MAX_SKILL_NAME_LENGTH) {
      setProblem(`Keep skill names to ${MAX_SKILL_NAME_LENGTH} characters or fewer`);
      return;
    }
    const duplicate = existing.find((other) => sameSkill(other, name));
    if (duplicate) {
      setProblem(`“${duplicate}” is already in the list`);
      return;
    }
    onAdd(name);
    setDraft('');
    setProblem(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      add();
    }
  };

  return (
    <TextInput
      label="Add a skill the resume does not mention"
      placeholder="e.g. Kubernetes"
      value={draft}
      onChange={(event) => {
        setDraft(event.currentTarget.value);
        if (problem) setProblem(null);
      }}
      onKeyDown={onKeyDown}
      error={problem}
      maxLength={200}
      autoComplete="off"
      maw={420}
      rightSectionWidth={72}
      rightSectionPointerEvents="all"
      rightSection={
        <Button size="compact-sm" variant="light" onClick={add} disabled={!draft.trim()}>
          Add
        </Button>
      }
    />
  );
}
