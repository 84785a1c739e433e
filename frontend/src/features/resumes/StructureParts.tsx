import { Box, Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useEffect, useRef, type ReactNode } from 'react';
import { PlusIcon } from '../../components/icons';
import { LineListEditor } from './LineListEditor';
import {
  newCertificate,
  newEducation,
  newLanguage,
  newProject,
  newSkill,
  newWork,
  roleName,
  type StructureValues,
} from './structure';

type Form = UseFormReturnType<StructureValues>;

/**
 * Keyboard focus after adding or removing an entry: into the new entry's first field, or (the removed entry's
 * button being gone) onto the section's "Add" button, so focus is never dropped to the page.
 */
function useEntryFocus(items: readonly { key: string }[]) {
  const root = useRef<HTMLDivElement>(null);
  const pending = useRef<string | null>(null);
  useEffect(() => {
    const target = pending.current;
    if (target === null) return;
    pending.current = null;
    const entry = root.current?.querySelector<HTMLElement>(`[data-entry="${target}"]`);
    (entry?.querySelector<HTMLElement>('input, textarea') ?? root.current?.querySelector<HTMLElement>('[data-add]'))?.focus();
  }, [items]);
  return {
    rootRef: root,
    focusAdded: (key: string) => {
      pending.current = key;
    },
    focusAfterRemoval: () => {
      pending.current = '';
    },
  };
}

const DATE_HINT = 'YYYY, YYYY-MM or YYYY-MM-DD';
const two = { base: 1, sm: 2 } as const;

interface EntryProps {
  entryKey: string;
  legend: string;
  onRemove: () => void;
  removeLabel: string;
  children: ReactNode;
}

/** One entry of a list (a role, a degree): a named group with its fields and a way to remove it. */
function Entry({ entryKey, legend, onRemove, removeLabel, children }: EntryProps) {
  return (
    <Fieldset data-entry={entryKey} legend={legend} variant="filled" className="structure-entry" styles={{ legend: { fontWeight: 600, overflowWrap: 'anywhere' } }}>
      <Stack gap="sm">
        {children}
        <Group justify="flex-end">
          <Button variant="subtle" color="red" size="compact-sm" onClick={onRemove}>
            {removeLabel}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

function AddButton({ onClick, children, disabled }: { onClick: () => void; children: ReactNode; disabled?: boolean }) {
  return (
    <Box>
      <Button data-add variant="light" size="xs" leftSection={<PlusIcon size={14} />} onClick={onClick} disabled={disabled}>
        {children}
      </Button>
    </Box>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

function DateInput({ form, path, label, disabled, placeholder }: { form: Form; path: string; label: string; disabled?: boolean; placeholder?: string }) {
  return (
    <TextInput
      label={label}
      description={DATE_HINT}
      placeholder={placeholder ?? '2021-04'}
      maxLength={10}
      inputMode="numeric"
      autoComplete="off"
      disabled={disabled}
      {...form.getInputProps(path)}
    />
  );
}

export function BasicsFields({ form }: { form: Form }) {
  return (
    <Stack gap="sm">
      <SimpleGrid cols={two} spacing="sm">
        <TextInput label="Name" maxLength={200} {...form.getInputProps('basics.name')} />
        <TextInput label="Headline" description="e.g. Data Analyst" maxLength={200} {...form.getInputProps('basics.label')} />
        <TextInput label="Email" type="email" maxLength={200} {...form.getInputProps('basics.email')} />
        <TextInput label="Phone" type="tel" maxLength={40} {...form.getInputProps('basics.phone')} />
        <TextInput label="Website" maxLength={200} {...form.getInputProps('basics.url')} />
        <TextInput label="City" maxLength={200} {...form.getInputProps('basics.location.city')} />
        <TextInput label="Region" maxLength={200} {...form.getInputProps('basics.location.region')} />
        <TextInput label="Country code" description="e.g. GB" maxLength={8} {...form.getInputProps('basics.location.countryCode')} />
      </SimpleGrid>
      <Textarea label="Summary" autosize minRows={2} maxRows={8} maxLength={2000} {...form.getInputProps('basics.summary')} />
    </Stack>
  );
}

export function WorkFields({ form }: { form: Form }) {
  const work = form.values.work;
  const { rootRef, focusAdded, focusAfterRemoval } = useEntryFocus(work);
  return (
    <Stack gap="md" ref={rootRef}>
      {work.length === 0 ? <Empty>No roles yet.</Empty> : null}
      {work.map((role, i) => {
        const name = roleName(role);
        return (
          <Entry
            key={role.key}
            entryKey={role.key}
            legend={`Role ${i + 1}: ${name}`}
            onRemove={() => {
              focusAfterRemoval();
              form.removeListItem('work', i);
            }}
            removeLabel={`Remove role ${i + 1}`}
          >
            <SimpleGrid cols={two} spacing="sm">
              <TextInput label="Job title" maxLength={200} {...form.getInputProps(`work.${i}.position`)} />
              <TextInput label="Employer" maxLength={200} {...form.getInputProps(`work.${i}.name`)} />
              <DateInput form={form} path={`work.${i}.startDate`} label="Start" placeholder="2019-04" />
              <DateInput form={form} path={`work.${i}.endDate`} label="End" disabled={role.current} placeholder={role.current ? 'Now' : '2024-01'} />
              <TextInput label="Location" maxLength={200} {...form.getInputProps(`work.${i}.location`)} />
              <Checkbox
                label="I still work here"
                mt={{ base: 0, sm: 30 }}
                {...form.getInputProps(`work.${i}.current`, { type: 'checkbox' })}
              />
            </SimpleGrid>
            <Textarea label="What the role was about" autosize minRows={1} maxRows={6} maxLength={2000} {...form.getInputProps(`work.${i}.summary`)} />
            <LineListEditor form={form} path={`work.${i}.highlights`} lines={role.highlights} title="Highlights" itemLabel="Highlight" max={60} />
          </Entry>
        );
      })}
      <AddButton
        onClick={() => {
          const entry = newWork();
          focusAdded(entry.key);
          form.insertListItem('work', entry);
        }}
        disabled={work.length >= 40}>
        Add role
      </AddButton>
    </Stack>
  );
}

export function EducationFields({ form }: { form: Form }) {
  const education = form.values.education;
  const { rootRef, focusAdded, focusAfterRemoval } = useEntryFocus(education);
  return (
    <Stack gap="md" ref={rootRef}>
      {education.length === 0 ? <Empty>No education yet.</Empty> : null}
      {education.map((entry, i) => (
        <Entry
          key={entry.key}
          entryKey={entry.key}
          legend={`Education ${i + 1}: ${entry.institution.trim() || 'New entry'}`}
          onRemove={() => {
            focusAfterRemoval();
            form.removeListItem('education', i);
          }}
          removeLabel={`Remove education ${i + 1}`}
        >
          <SimpleGrid cols={two} spacing="sm">
            <TextInput label="Institution" maxLength={200} {...form.getInputProps(`education.${i}.institution`)} />
            <TextInput label="Degree" description="e.g. BSc" maxLength={200} {...form.getInputProps(`education.${i}.studyType`)} />
            <TextInput label="Subject" description="e.g. Mathematics" maxLength={200} {...form.getInputProps(`education.${i}.area`)} />
            <TextInput label="Grade" maxLength={40} {...form.getInputProps(`education.${i}.score`)} />
            <DateInput form={form} path={`education.${i}.startDate`} label="Start" placeholder="2012" />
            <DateInput form={form} path={`education.${i}.endDate`} label="End" placeholder="2015" />
          </SimpleGrid>
          <TagsInput label="Courses" description="Press Enter after each" maxTags={40} {...form.getInputProps(`education.${i}.courses`)} />
        </Entry>
      ))}
      <AddButton
        onClick={() => {
          const entry = newEducation();
          focusAdded(entry.key);
          form.insertListItem('education', entry);
        }}
        disabled={education.length >= 20}>
        Add education
      </AddButton>
    </Stack>
  );
}

export function SkillFields({ form }: { form: Form }) {
  const skills = form.values.skills;
  const { rootRef, focusAdded, focusAfterRemoval } = useEntryFocus(skills);
  return (
    <Stack gap="md" ref={rootRef}>
      {skills.length === 0 ? <Empty>No skill groups yet.</Empty> : null}
      {skills.map((group, i) => (
        <Entry
          key={group.key}
          entryKey={group.key}
          legend={`Skill group ${i + 1}: ${group.name.trim() || 'New group'}`}
          onRemove={() => {
            focusAfterRemoval();
            form.removeListItem('skills', i);
          }}
          removeLabel={`Remove skill group ${i + 1}`}
        >
          <TextInput label="Group name" description="e.g. Databases" maxLength={200} {...form.getInputProps(`skills.${i}.name`)} />
          <TagsInput label="Skills in this group" description="Press Enter after each" maxTags={80} {...form.getInputProps(`skills.${i}.keywords`)} />
        </Entry>
      ))}
      <AddButton
        onClick={() => {
          const entry = newSkill();
          focusAdded(entry.key);
          form.insertListItem('skills', entry);
        }}
        disabled={skills.length >= 60}>
        Add skill group
      </AddButton>
    </Stack>
  );
}

export function ProjectFields({ form }: { form: Form }) {
  const projects = form.values.projects;
  const { rootRef, focusAdded, focusAfterRemoval } = useEntryFocus(projects);
  return (
    <Stack gap="md" ref={rootRef}>
      {projects.length === 0 ? <Empty>No projects yet.</Empty> : null}
      {projects.map((project, i) => (
        <Entry
          key={project.key}
          entryKey={project.key}
          legend={`Project ${i + 1}: ${project.name.trim() || 'New project'}`}
          onRemove={() => {
            focusAfterRemoval();
            form.removeListItem('projects', i);
          }}
          removeLabel={`Remove project ${i + 1}`}
        >
          <SimpleGrid cols={two} spacing="sm">
            <TextInput label="Project name" maxLength={200} {...form.getInputProps(`projects.${i}.name`)} />
            <TextInput label="Link" maxLength={200} {...form.getInputProps(`projects.${i}.url`)} />
            <DateInput form={form} path={`projects.${i}.startDate`} label="Start" />
            <DateInput form={form} path={`projects.${i}.endDate`} label="End" />
          </SimpleGrid>
          <Textarea label="Description" autosize minRows={1} maxRows={6} maxLength={2000} {...form.getInputProps(`projects.${i}.description`)} />
          <LineListEditor form={form} path={`projects.${i}.highlights`} lines={project.highlights} title="Highlights" itemLabel="Highlight" max={30} />
          <TagsInput label="Keywords" description="Press Enter after each" maxTags={40} {...form.getInputProps(`projects.${i}.keywords`)} />
        </Entry>
      ))}
      <AddButton
        onClick={() => {
          const entry = newProject();
          focusAdded(entry.key);
          form.insertListItem('projects', entry);
        }}
        disabled={projects.length >= 30}>
        Add project
      </AddButton>
    </Stack>
  );
}

export function CertificateFields({ form }: { form: Form }) {
  const certificates = form.values.certificates;
  const { rootRef, focusAdded, focusAfterRemoval } = useEntryFocus(certificates);
  return (
    <Stack gap="md" ref={rootRef}>
      {certificates.length === 0 ? <Empty>No certificates yet.</Empty> : null}
      {certificates.map((certificate, i) => (
        <Entry
          key={certificate.key}
          entryKey={certificate.key}
          legend={`Certificate ${i + 1}: ${certificate.name.trim() || 'New certificate'}`}
          onRemove={() => {
            focusAfterRemoval();
            form.removeListItem('certificates', i);
          }}
          removeLabel={`Remove certificate ${i + 1}`}
        >
          <SimpleGrid cols={two} spacing="sm">
            <TextInput label="Certificate" maxLength={200} {...form.getInputProps(`certificates.${i}.name`)} />
            <TextInput label="Issuer" maxLength={200} {...form.getInputProps(`certificates.${i}.issuer`)} />
            <DateInput form={form} path={`certificates.${i}.date`} label="Date" />
            <TextInput label="Link" maxLength={200} {...form.getInputProps(`certificates.${i}.url`)} />
          </SimpleGrid>
        </Entry>
      ))}
      <AddButton
        onClick={() => {
          const entry = newCertificate();
          focusAdded(entry.key);
          form.insertListItem('certificates', entry);
        }}
        disabled={certificates.length >= 40}>
        Add certificate
      </AddButton>
    </Stack>
  );
}

export function LanguageFields({ form }: { form: Form }) {
  const languages = form.values.languages;
  const { rootRef, focusAdded, focusAfterRemoval } = useEntryFocus(languages);
  return (
    <Stack gap="md" ref={rootRef}>
      {languages.length === 0 ? <Empty>No languages yet.</Empty> : null}
      {languages.map((language, i) => (
        <Entry
          key={language.key}
          entryKey={language.key}
          legend={`Language ${i + 1}: ${language.language.trim() || 'New language'}`}
          onRemove={() => {
            focusAfterRemoval();
            form.removeListItem('languages', i);
          }}
          removeLabel={`Remove language ${i + 1}`}
        >
          <SimpleGrid cols={two} spacing="sm">
            <TextInput label="Language" maxLength={200} {...form.getInputProps(`languages.${i}.language`)} />
            <TextInput label="Fluency" description="e.g. Native, Fluent, Basic" maxLength={60} {...form.getInputProps(`languages.${i}.fluency`)} />
          </SimpleGrid>
        </Entry>
      ))}
      <AddButton
        onClick={() => {
          const entry = newLanguage();
          focusAdded(entry.key);
          form.insertListItem('languages', entry);
        }}
        disabled={languages.length >= 20}>
        Add language
      </AddButton>
    </Stack>
  );
}
