import { Button, Stack, TagsInput, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ProfileRead } from '../../client/types';
import { FormError } from '../../components/FormError';
import { MAX_SKILLS, normaliseSkillName, sameSkill } from '../profile/skills';
import { useReplaceSkills } from '../profile/useProfile';
import { StepFooter, type StepProps } from './StepParts';

/** Typed skills, trimmed, without duplicates (first spelling wins), at most MAX_SKILLS. */
function cleanSkills(names: string[]): string[] {
  const result: string[] = [];
  for (const raw of names) {
    const name = normaliseSkillName(raw);
    if (name && !result.some((kept) => sameSkill(kept, name))) result.push(name);
  }
  return result.slice(0, MAX_SKILLS);
}

export function SkillsStep({ go, nav, profile }: StepProps & { profile: ProfileRead }) {
  const replace = useReplaceSkills();
  const [skills, setSkills] = useState<string[]>(() => profile.skills.map((skill) => skill.name));
  const save = (event: FormEvent) => {
    event.preventDefault();
    const names = cleanSkills(skills);
    // Keep the level of skills already on the profile.
    const body = names.map((name) => ({ name, level: profile.skills.find((skill) => sameSkill(skill.name, name))?.level ?? null }));
    replace.mutate(body, { onSuccess: () => go('search') });
  };
  return (
    <form onSubmit={save} noValidate>
      <Stack gap="md">
        <Text>
          What can you do? Job matching and the skill gap on Analytics compare postings with this list. Uploading your
          résumé to fill it in comes in a later release; you can rate each skill on your profile afterwards.
        </Text>
        <FormError error={replace.error} title="Your skills were not saved" />
        <TagsInput
          label="Skills"
          description="Press Enter or comma after each, e.g. Python, SQL, Public speaking."
          value={skills}
          onChange={setSkills}
          splitChars={[',']}
          acceptValueOnBlur
          clearable
          maxTags={MAX_SKILLS}
          // No suggestion list: an empty listbox would only share (and blur) the field's label.
          dropdownOpened={false}
          comboboxProps={{ keepMounted: false }}
        />
        <StepFooter nav={nav}>
          <Button type="submit" loading={replace.isPending}>
            Continue
          </Button>
        </StepFooter>
      </Stack>
    </form>
  );
}
