import { Button, Checkbox, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { SavedSearchIn } from '../../client/types';
import { FormError } from '../../components/FormError';
import { applyServerFieldErrors } from '../../lib/forms';
import { StepFooter, type StepProps } from './StepParts';
import { useCreateSavedSearch } from './useOnboarding';

export function SearchStep({ go, nav }: StepProps) {
  const create = useCreateSavedSearch();
  const form = useForm<SavedSearchIn>({
    initialValues: { keywords: '', location: '', remote_only: false },
    validate: {
      keywords: (value) => {
        if (!value.trim()) return 'Enter what you are looking for, e.g. backend engineer';
        return value.trim().length > 200 ? 'Keep the keywords to 200 characters or fewer' : null;
      },
      location: (value) => (value.trim().length > 200 ? 'Keep the location to 200 characters or fewer' : null),
    },
  });
  const submit = form.onSubmit((values) =>
    create.mutate(
      { keywords: values.keywords.trim(), location: values.location.trim(), remote_only: values.remote_only },
      {
        onSuccess: () => go('track'),
        onError: (error) => applyServerFieldErrors(form, error, ['keywords', 'location', 'remote_only']),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>Save a search: job sources look for postings that match it as they arrive.</Text>
        <FormError error={create.error} title="Your search was not saved" />
        <TextInput label="Keywords" name="keywords" required placeholder="e.g. Python backend engineer" {...form.getInputProps('keywords')} />
        <TextInput label="Location" name="location" placeholder="e.g. Berlin" autoComplete="off" {...form.getInputProps('location')} />
        <Checkbox label="Remote only" name="remote_only" {...form.getInputProps('remote_only', { type: 'checkbox' })} />
        <StepFooter nav={nav}>
          <Button variant="default" onClick={() => go('track')}>
            I'll do this later
          </Button>
          <Button type="submit" loading={create.isPending}>
            Save and continue
          </Button>
        </StepFooter>
      </Stack>
    </form>
  );
}
