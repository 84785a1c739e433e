import { Box, Button, Card, Group, NativeSelect, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import type { FollowRead, SourceHealth } from '../../client/types';
import { FormError } from '../../components/FormError';
import { QueryError } from '../../components/QueryError';
import { applyServerFieldErrors } from '../../lib/forms';
import { isCompanyBoard, useFollowCompany, useFollows, useSources, useUnfollowCompany } from './useSources';

/** The id of the section, for in-page links ("Follow a company board"). */
export const FOLLOWED_COMPANIES_ID = 'followed-companies';

interface FollowValues {
  source: string;
  token: string;
}

/** Where the chosen board shows a company's token in its address (the server knows each board's form). */
function followHint(boards: SourceHealth[] | undefined, source: string): string {
  const hint = boards?.find((board) => board.name === source)?.follow_hint;
  return hint ? `The part after the board's domain, e.g. ${hint}` : "The part after the board's domain";
}

/** "Greenhouse" for "greenhouse", when the server named it. */
function boardLabel(boards: SourceHealth[] | undefined, source: string): string {
  return boards?.find((board) => board.name === source)?.label ?? source;
}

function FollowRow({ follow, label, onUnfollow, busy }: { follow: FollowRead; label: string; onUnfollow: () => void; busy: boolean }) {
  return (
    <Group component="li" justify="space-between" gap="sm" wrap="nowrap">
      <Box miw={0}>
        <Text fw={600} size="sm" className="wrap-anywhere">
          {follow.token}
        </Text>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Box>
      <Button
        size="xs"
        variant="default"
        aria-label={`Unfollow ${label} ${follow.token}`}
        loading={busy}
        onClick={onUnfollow}
        flex="none"
      >
        Unfollow
      </Button>
    </Group>
  );
}

/** Company boards (Greenhouse, Lever, …) the user follows: every posting the company publishes there. */
export function FollowedCompaniesSection() {
  const sources = useSources();
  const follows = useFollows();
  const follow = useFollowCompany();
  const unfollow = useUnfollowCompany();
  const boards = useMemo(() => sources.data?.filter(isCompanyBoard), [sources.data]);
  const form = useForm<FollowValues>({
    initialValues: { source: '', token: '' },
    validate: {
      token: (value) => (value.trim() ? null : 'Enter the company’s token, e.g. stripe'),
    },
  });
  // The first board is chosen until the user picks another.
  const source = form.values.source || boards?.[0]?.name || '';

  const submit = form.onSubmit((values) =>
    follow.mutate(
      { source, token: values.token.trim() },
      {
        onSuccess: (created) => {
          form.setFieldValue('token', '');
          notifications.show({
            color: 'green',
            title: 'Company followed',
            message: `Postings of ${created.token} on ${boardLabel(boards, created.source)} come in with the next refresh.`,
          });
        },
        onError: (error) => applyServerFieldErrors(form, error, ['source', 'token']),
      },
    ),
  );

  return (
    <Card component="section" id={FOLLOWED_COMPANIES_ID} aria-labelledby="followed-companies-title" className="anchor-target">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id="followed-companies-title">
            Company boards you follow
          </Title>
          <Text size="sm" c="dimmed">
            Every posting a company publishes on its own job board, whatever the keywords.
          </Text>
        </div>

        {follows.isPending ? (
          <Stack gap="xs" role="status" aria-busy="true" aria-label="Loading the companies you follow">
            <Skeleton h={40} />
          </Stack>
        ) : follows.isError ? (
          <QueryError
            error={follows.error}
            onRetry={() => follows.refetch()}
            retrying={follows.isFetching}
            title="Could not load the companies you follow"
          />
        ) : follows.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            You do not follow any company board yet.
          </Text>
        ) : (
          <Stack component="ul" gap="sm" p={0} m={0} className="plain-list" aria-label="Companies you follow">
            {follows.data.map((item) => (
              <FollowRow
                key={item.id}
                follow={item}
                label={boardLabel(boards, item.source)}
                busy={unfollow.isPending && unfollow.variables?.id === item.id}
                onUnfollow={() => unfollow.mutate(item)}
              />
            ))}
          </Stack>
        )}
        <FormError error={unfollow.error} title="The company was not unfollowed" />

        {sources.isError && !boards ? (
          <QueryError
            error={sources.error}
            onRetry={() => sources.refetch()}
            retrying={sources.isFetching}
            title="Could not load the list of boards"
          />
        ) : (
          <form onSubmit={submit} noValidate aria-label="Follow a company board">
            <Stack gap="sm">
              <FormError error={follow.error} title="The company was not followed" />
              <Group align="flex-start" gap="sm" wrap="wrap">
                <NativeSelect
                  label="Board"
                  name="source"
                  data={(boards ?? []).map((board) => ({ value: board.name, label: board.label }))}
                  disabled={!boards}
                  w={200}
                  maw="100%"
                  {...form.getInputProps('source')}
                  value={source}
                />
                <TextInput
                  label="Company token"
                  name="token"
                  required
                  autoComplete="off"
                  placeholder="e.g. stripe"
                  description={followHint(boards, source)}
                  flex="1 1 16rem"
                  {...form.getInputProps('token')}
                />
              </Group>
              <Group>
                <Button type="submit" variant="light" loading={follow.isPending} disabled={!source}>
                  Follow
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
