import { Accordion, Alert, Badge, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../client';
import type { ResumeRead } from '../../client/types';
import { FormError } from '../../components/FormError';
import { plural } from '../../lib/format';
import { ORIGIN_BADGES, structureFieldErrors, toStructure, toValues, validateStructure, withoutBlankLines, type StructureValues } from './structure';
import { BasicsFields, CertificateFields, EducationFields, LanguageFields, ProjectFields, SkillFields, WorkFields } from './StructureParts';
import { useDownloadJsonResume, useSaveStructure } from './useStructure';

function count(n: number): string {
  return n > 0 ? ` (${n})` : ' (none)';
}

/** The accordion items holding these error paths (`work.0.endDate` → `work`), to open them. */
function sectionsOf(errors: Record<string, unknown>): string[] {
  return Object.keys(errors).map((path) => path.split('.')[0]);
}

/** A newer structure from the server (another tab, a refetch) replaces the form's values unless they were edited. */
function useServerStructure(resume: ResumeRead, form: UseFormReturnType<StructureValues>) {
  const previous = useRef(resume.structure);
  useEffect(() => {
    if (previous.current === resume.structure) return;
    previous.current = resume.structure;
    if (form.isDirty()) return;
    const next = toValues(resume.structure);
    form.setValues(next);
    form.resetDirty(next);
  }, [resume.structure, form]);
}

/**
 * "Your resume, as structure": the roles, education and skills letters and tailored resumes are written from,
 * to check and correct. Saving replaces the structure (PUT); a field the server refuses shows its reason.
 */
export function StructureEditor({ resume }: { resume: ResumeRead }) {
  const save = useSaveStructure(resume.id);
  const download = useDownloadJsonResume();
  const form = useForm<StructureValues>({ initialValues: toValues(resume.structure) });
  useServerStructure(resume, form);
  const origin = ORIGIN_BADGES[resume.structure_origin ?? 'unknown'];
  const { values } = form;
  const [open, setOpen] = useState<string[]>(['work']);
  const reveal = (errors: Record<string, unknown>) => setOpen((current) => [...new Set([...current, ...sectionsOf(errors)])]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = validateStructure(form.getValues());
    if (Object.keys(problems).length > 0) {
      form.setErrors(problems);
      reveal(problems);
      return;
    }
    const cleaned = withoutBlankLines(form.getValues());
    form.setValues(cleaned);
    save.mutate(toStructure(cleaned), {
      onSuccess: (saved) => {
        const next = toValues(saved.structure);
        form.setValues(next);
        form.resetDirty(next);
        notifications.show({
          color: 'green',
          title: 'Resume structure saved',
          message: 'Letters and tailored resumes you write from now on use your corrections.',
        });
      },
      onError: (error) => {
        const errors = structureFieldErrors(error);
        form.setErrors(errors);
        reveal(errors);
      },
    });
  };

  const saveJson = () =>
    download.mutate(resume, {
      onError: (error) => notifications.show({ color: 'red', title: 'The JSON Resume could not be downloaded', message: errorMessage(error) }),
    });

  const invalid = Object.keys(form.errors).length;

  return (
    <Stack component="section" aria-labelledby={`structure-title-${resume.id}`} gap="sm">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Box miw={0} flex="1 1 16rem">
          <Group gap="xs">
            <Title order={3} size="h5" id={`structure-title-${resume.id}`}>
              Your resume, as structure
            </Title>
            <Badge variant="light" color={origin.color} radius="sm" tt="none" fw={600}>
              {origin.label}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed" mt={4}>
            Cover letters and tailored resumes are written from these roles, dates and highlights. {origin.hint}
          </Text>
        </Box>
        <Button variant="default" size="xs" onClick={saveJson} loading={download.isPending}>
          Download JSON Resume
        </Button>
      </Group>

      <form onSubmit={submit} noValidate aria-label="Resume structure">
        <Stack gap="sm">
          <Accordion multiple variant="separated" chevronPosition="left" value={open} onChange={setOpen} className="structure-accordion">
            <Accordion.Item value="basics">
              <Accordion.Control>Contact and summary</Accordion.Control>
              <Accordion.Panel>
                <BasicsFields form={form} />
              </Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="work">
              <Accordion.Control>{`Roles${count(values.work.length)}`}</Accordion.Control>
              <Accordion.Panel>
                <WorkFields form={form} />
              </Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="education">
              <Accordion.Control>{`Education${count(values.education.length)}`}</Accordion.Control>
              <Accordion.Panel>
                <EducationFields form={form} />
              </Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="skills">
              <Accordion.Control>{`Skill groups${count(values.skills.length)}`}</Accordion.Control>
              <Accordion.Panel>
                <SkillFields form={form} />
              </Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="projects">
              <Accordion.Control>{`Projects${count(values.projects.length)}`}</Accordion.Control>
              <Accordion.Panel>
                <ProjectFields form={form} />
              </Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="certificates">
              <Accordion.Control>{`Certificates${count(values.certificates.length)}`}</Accordion.Control>
              <Accordion.Panel>
                <CertificateFields form={form} />
              </Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="languages">
              <Accordion.Control>{`Languages${count(values.languages.length)}`}</Accordion.Control>
              <Accordion.Panel>
                <LanguageFields form={form} />
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>

          <FormError error={save.error} title="Your corrections were not saved" />
          {invalid > 0 && !save.error ? (
            <Alert color="red" variant="light" role="alert">
              {`${plural(invalid, 'field')} to fix before saving: see the messages next to them.`}
            </Alert>
          ) : null}
          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>
              Save structure
            </Button>
            {form.isDirty() ? (
              <>
                <Button
                  variant="subtle"
                  onClick={() => {
                    const original = toValues(resume.structure);
                    form.setValues(original);
                    form.resetDirty(original);
                    form.clearErrors();
                    save.reset();
                  }}
                >
                  Discard changes
                </Button>
                <Text size="sm" c="dimmed">
                  Unsaved changes
                </Text>
              </>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
