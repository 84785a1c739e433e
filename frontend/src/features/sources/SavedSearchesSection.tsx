import { Badge, Box, Button, Card, Group, NumberInput, Skeleton, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { SavedSearchIn, SavedSearchRead } from '../../client/types';
import { FormError } from '../../components/FormError';
import { QueryError } from '../../components/QueryError';
import { applyServerFieldErrors } from '../../lib/forms';
import { useCreateSavedSearch } from '../onboarding/useOnboarding';
import { useDeleteSavedSearch, useSavedSearches } from './useSources';

/** The id of the section, for in-page links ("Add a saved search"). */
export const SAVED_SEARCHES_ID = 'saved-searches';

const MAX_TEXT = 200;

interface SearchValues {
  keywords: string;
  location: string;
  remote_only: boolean;
  /** '' while the field is empty. */
  min_salary: number | string;
}

const EMPTY: SearchValues = { keywords: '', location: '', remote_only: false, min_salary: '' };

/** The body of POST /saved-searches: trimmed, and no salary floor unless one was given. */
export function savedSearchBody(values: SearchValues): SavedSearchIn {
  const body: SavedSearchIn = {
    keywords: values.keywords.trim(),
    location: values.location.trim(),
    remote_only: values.remote_only,
  };
  const salary = typeof values.min_salary === 'number' ? values.min_salary : Number(values.min_salary);
  if (values.min_salary !== '' && Number.isFinite(salary) && salary > 0) body.min_salary = Math.floor(salary);
  return body;
}

/** "Berlin · remote only · from 60,000 a year". */
function searchDetail(search: SavedSearchRead): string {
  const parts = [search.location || 'Anywhere'];
  if (search.min_salary) parts.push(`from ${search.min_salary.toLocaleString()} a year`);
  return parts.join(' · ');
}

function SearchRow({ search, onDelete, deleting }: { search: SavedSearchRead; onDelete: () => void; deleting: boolean }) {
  return (
    <Group component="li" justify="space-between" gap="sm" wrap="nowrap">
      <Box miw={0}>
        <Group gap="xs" wrap="wrap">
          <Text fw={600} size="sm" className="wrap-anywhere">
            {search.keywords}
          </Text>
          {search.remote_only ? (
            <Badge variant="light" color="teal" radius="sm" tt="none" fw={600} size="sm">
              Remote only
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed" className="wrap-anywhere">
          {searchDetail(search)}
        </Text>
      </Box>
      <Button
        size="xs"
        variant="default"
        aria-label={`Delete search ${search.keywords}`}
        loading={deleting}
        onClick={onDelete}
        flex="none"
      >
        Delete
      </Button>
    </Group>
  );
}

/** The keyword searches job boards run for the user: a list with delete buttons, and a form for a new one. */
export function SavedSearchesSection() {
  const searches = useSavedSearches();
  const create = useCreateSavedSearch();
  const remove = useDeleteSavedSearch();
  const form = useForm<SearchValues>({
    initialValues: EMPTY,
    validate: {
      keywords: (value) => {
        if (!value.trim()) return 'Enter what you are looking for, e.g. python backend';
        return value.trim().length > MAX_TEXT ? `Keep the keywords to ${MAX_TEXT} characters or fewer` : null;
      },
      location: (value) => (value.trim().length > MAX_TEXT ? `Keep the location to ${MAX_TEXT} characters or fewer` : null),
      min_salary: (value) => (value !== '' && Number(value) < 0 ? 'Enter a positive amount, or leave it empty' : null),
    },
  });

  const submit = form.onSubmit((values) =>
    create.mutate(savedSearchBody(values), {
      onSuccess: (saved) => {
        form.setValues(EMPTY);
        form.resetDirty(EMPTY);
        notifications.show({
          color: 'green',
          title: 'Search saved',
          message: `Job boards look for “${saved.keywords}” every night; press “Refresh jobs now” to look right away.`,
        });
      },
      onError: (error) => applyServerFieldErrors(form, error, ['keywords', 'location', 'remote_only', 'min_salary']),
    }),
  );

  return (
    <Card component="section" id={SAVED_SEARCHES_ID} aria-labelledby="saved-searches-title" className="anchor-target">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id="saved-searches-title">
            Saved searches
          </Title>
          <Text size="sm" c="dimmed">
            Keyword searches that the job boards run for you every night, and when you refresh jobs.
          </Text>
        </div>

        {searches.isPending ? (
          <Stack gap="xs" role="status" aria-busy="true" aria-label="Loading your saved searches">
            <Skeleton h={40} />
            <Skeleton h={40} />
          </Stack>
        ) : searches.isError ? (
          <QueryError
            error={searches.error}
            onRetry={() => searches.refetch()}
            retrying={searches.isFetching}
            title="Could not load your saved searches"
          />
        ) : searches.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            No saved searches yet.
          </Text>
        ) : (
          <Stack component="ul" gap="sm" p={0} m={0} className="plain-list" aria-label="Your saved searches">
            {searches.data.map((search) => (
              <SearchRow
                key={search.id}
                search={search}
                deleting={remove.isPending && remove.variables?.id === search.id}
                onDelete={() => remove.mutate(search)}
              />
            ))}
          </Stack>
        )}
        <FormError error={remove.error} title="The search was not deleted" />

        <form onSubmit={submit} noValidate aria-label="New saved search">
          <Stack gap="sm">
            <FormError error={create.error} title="Your search was not saved" />
            <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
              <TextInput
                label="Keywords"
                name="keywords"
                required
                placeholder="e.g. python backend"
                autoComplete="off"
                miw={200}
                {...form.getInputProps('keywords')}
              />
              <TextInput
                label="Location"
                name="location"
                placeholder="e.g. Berlin"
                autoComplete="off"
                miw={200}
                {...form.getInputProps('location')}
              />
            </Group>
            <Group align="flex-end" gap="md" wrap="wrap">
              <NumberInput
                label="Minimum yearly salary"
                name="min_salary"
                min={0}
                step={5000}
                thousandSeparator=","
                allowNegative={false}
                allowDecimal={false}
                w={220}
                maw="100%"
                {...form.getInputProps('min_salary')}
              />
              <Switch
                label="Remote only"
                name="remote_only"
                mb={8}
                {...form.getInputProps('remote_only', { type: 'checkbox' })}
              />
            </Group>
            <Group>
              <Button type="submit" variant="light" loading={create.isPending}>
                Save search
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}
