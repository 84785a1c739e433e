import { Badge, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import type { ResumeRead } from '../../client/types';
import { FormError } from '../../components/FormError';
import { plural } from '../../lib/format';
import { ProviderNote } from '../ai/ProviderNote';
import { SKILLS_NOTE } from '../ai/providers';
import { ResumeSections } from './ResumeSections';
import { AddSkillInput, SkillToggleList } from './SkillChips';
import { useApplyResumeSkills } from './useResumes';

const listStyle = { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: 6 } as const;

/** Which skills the review would add: the found ones (new to the profile) and typed ones, minus those left out. */
export function acceptedSkills(found: readonly string[], added: readonly string[], leftOut: ReadonlySet<string>): string[] {
  return [...found, ...added].filter((name) => !leftOut.has(name.toLowerCase()));
}

interface ResumeReviewProps {
  resume: ResumeRead;
  /** After the skills were added (or the review was put aside). */
  onDone: () => void;
}

/** The skills found in a resume, to keep or leave out before they go into the profile; and what was read. */
export function ResumeReview({ resume, onDone }: ResumeReviewProps) {
  const apply = useApplyResumeSkills(resume.id);
  const [added, setAdded] = useState<string[]>([]);
  const [leftOut, setLeftOut] = useState<ReadonlySet<string>>(() => new Set());

  const fresh = useMemo(() => resume.skills.filter((s) => !s.in_profile).map((s) => s.name), [resume.skills]);
  const known = useMemo(() => resume.skills.filter((s) => s.in_profile).map((s) => s.name), [resume.skills]);
  const categories = useMemo(
    () => Object.fromEntries(resume.skills.filter((s) => s.category).map((s) => [s.name, `${s.name} (${s.category})`])),
    [resume.skills],
  );
  const accept = acceptedSkills(fresh, added, leftOut);

  const toggle = (name: string) => {
    const key = name.toLowerCase();
    setLeftOut((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  };

  const submit = () => {
    apply.mutate(accept, {
      onSuccess: () => {
        notifications.show({
          color: 'green',
          title: `Added ${plural(accept.length, 'skill')} to your profile`,
          message: 'Rate them in the Skills section below if you like.',
        });
        onDone();
      },
    });
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={3} size="h5">
          Skills found in {resume.filename}
        </Title>
        <Text size="sm" c="dimmed">
          {resume.skills.length === 0
            ? 'No skills were recognised in this resume. Add the ones you want below.'
            : 'Click a skill to leave it out, or to keep it again. Nothing is added until you confirm.'}
        </Text>
        <ProviderNote provider={resume.provider} {...SKILLS_NOTE} mt={4} />
      </div>

      {fresh.length + added.length > 0 ? (
        <SkillToggleList
          label="Skills to add"
          names={[...fresh, ...added]}
          isPressed={(name) => !leftOut.has(name.toLowerCase())}
          onToggle={toggle}
          titles={categories}
        />
      ) : null}

      {known.length > 0 ? (
        <div>
          <Text size="sm" fw={500} id="resume-known-skills">
            Already in your profile
          </Text>
          <Box component="ul" aria-labelledby="resume-known-skills" style={listStyle} mt={4}>
            {known.map((name) => (
              <li key={name.toLowerCase()}>
                <Badge variant="outline" color="gray" radius="xl" tt="none" fw={500} size="lg">
                  {name}
                </Badge>
              </li>
            ))}
          </Box>
        </div>
      ) : null}

      <AddSkillInput
        existing={[...fresh, ...known, ...added]}
        onAdd={(name) => setAdded((current) => [...current, name])}
      />

      <FormError error={apply.error} title="No skills were added" />
      <Group gap="sm">
        <Button onClick={submit} loading={apply.isPending} disabled={accept.length === 0}>
          {accept.length === 0 ? 'No skills to add' : `Add ${plural(accept.length, 'skill')} to profile`}
        </Button>
        <Button variant="default" onClick={onDone}>
          {accept.length === 0 ? 'Done' : 'Not now'}
        </Button>
      </Group>

      <div>
        <Title order={3} size="h5" mb={4}>
          What we read
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {resume.pages ? `${plural(resume.pages, 'page')}. ` : ''}Open a section to check the text was read correctly.
        </Text>
        <ResumeSections resume={resume} />
      </div>
    </Stack>
  );
}
