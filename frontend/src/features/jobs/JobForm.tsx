import {
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../components/FormError';
import { applyServerFieldErrors } from '../../lib/forms';
import { REMOTE_LABELS } from '../../lib/format';
import { JOB_FORM_FIELDS, jobFormValidation, type JobFormValues } from './jobForm';

const REMOTE_OPTIONS = (['onsite', 'hybrid', 'remote', 'unknown'] as const).map((value) => ({
  value,
  label: REMOTE_LABELS[value],
}));

const PERIOD_OPTIONS = [
  { value: '', label: 'Not specified' },
  { value: 'year', label: 'Per year' },
  { value: 'month', label: 'Per month' },
  { value: 'week', label: 'Per week' },
  { value: 'day', label: 'Per day' },
  { value: 'hour', label: 'Per hour' },
];

const EMPLOYMENT_TYPES = ['Full-time', 'Part-time', 'Contract', 'Freelance', 'Internship', 'Temporary'];

interface JobFormProps {
  initialValues: JobFormValues;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  errorTitle: string;
  cancelTo: string;
  onSubmit: (values: JobFormValues) => Promise<unknown>;
  /** Extra actions on the left of the buttons row (e.g. "Delete job"). */
  extraActions?: ReactNode;
}

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Card>
      <Stack gap="md">
        <div>
          <Title order={2} size="h4">
            {title}
          </Title>
          {hint ? (
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          ) : null}
        </div>
        {children}
      </Stack>
    </Card>
  );
}

/** Add or edit a job by hand. */
export function JobForm({
  initialValues,
  submitLabel,
  pending,
  error,
  errorTitle,
  cancelTo,
  onSubmit,
  extraActions,
}: JobFormProps) {
  const employmentListId = useId();
  const form = useForm<JobFormValues>({
    initialValues,
    validate: jobFormValidation,
  });

  // A refused save: bring its reason into view (the button is at the bottom of a long form).
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) errorRef.current?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }, [error]);

  const submit = form.onSubmit(async (values) => {
    try {
      await onSubmit(values);
    } catch (caught) {
      applyServerFieldErrors(form, caught, JOB_FORM_FIELDS);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {error ? (
          <div ref={errorRef} className="form-error-anchor">
            <FormError error={error} title={errorTitle} />
          </div>
        ) : null}
        <Section title="The job">
          <TextInput label="Title" required autoComplete="off" {...form.getInputProps('title')} />
          <TextInput label="Company" required autoComplete="organization" {...form.getInputProps('company')} />
          <TextInput
            label="Job URL"
            type="url"
            inputMode="url"
            placeholder="https://…"
            description="Where the posting lives, to open it later."
            {...form.getInputProps('url')}
          />
        </Section>

        <Section title="Where and how">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput label="Location" placeholder="e.g. Berlin, Germany" {...form.getInputProps('location')} />
            <NativeSelect label="Remote" data={REMOTE_OPTIONS} {...form.getInputProps('remote_type')} />
            <TextInput
              label="Employment type"
              placeholder="e.g. Full-time"
              list={employmentListId}
              autoComplete="off"
              {...form.getInputProps('employment_type')}
            />
            <datalist id={employmentListId}>
              {EMPLOYMENT_TYPES.map((type) => (
                <option key={type} value={type} />
              ))}
            </datalist>
          </SimpleGrid>
        </Section>

        <Section title="Salary" hint="Optional. Leave empty when the posting does not say.">
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
            <NumberInput
              label="Minimum salary"
              min={0}
              allowNegative={false}
              allowDecimal={false}
              thousandSeparator
              hideControls
              {...form.getInputProps('salary_min')}
            />
            <NumberInput
              label="Maximum salary"
              min={0}
              allowNegative={false}
              allowDecimal={false}
              thousandSeparator
              hideControls
              {...form.getInputProps('salary_max')}
            />
            <TextInput
              label="Currency"
              placeholder="EUR"
              maxLength={3}
              autoCapitalize="characters"
              styles={{ input: { textTransform: 'uppercase' } }}
              {...form.getInputProps('salary_currency')}
            />
            <NativeSelect label="Period" data={PERIOD_OPTIONS} {...form.getInputProps('salary_period')} />
          </SimpleGrid>
        </Section>

        <Section title="Details">
          <TagsInput
            label="Skills"
            description="Technologies and skills the job asks for. Press Enter or comma after each."
            placeholder={form.values.tech_stack.length ? undefined : 'e.g. Python, PostgreSQL'}
            splitChars={[',']}
            acceptValueOnBlur
            clearable
            maxTags={100}
            // No suggestion list: an empty listbox would only share (and blur) the field's label.
            dropdownOpened={false}
            comboboxProps={{ keepMounted: false }}
            {...form.getInputProps('tech_stack')}
          />
          <Textarea
            label="Description"
            description="Paste the posting as text or HTML"
            autosize
            minRows={8}
            maxRows={24}
            {...form.getInputProps('description')}
          />
        </Section>

        <Group justify="space-between" gap="sm">
          <Group gap="sm">{extraActions}</Group>
          <Group gap="sm" ml="auto">
            <Button component={Link} to={cancelTo} variant="default">
              Cancel
            </Button>
            <Button type="submit" loading={pending} disabled={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
