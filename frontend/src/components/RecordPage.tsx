import { Box, Group, Skeleton, Stack, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../client';
import { EmptyState } from './EmptyState';
import { PageTitle } from './PageTitle';
import { QueryError } from './QueryError';

interface RecordPageProps<T> {
  /** The id from the URL (`useIdParam`); null is "not found" without asking the server. */
  id: number | null;
  query: UseQueryResult<T>;
  /** The page's title and heading until the record is there (loading, or failed to load). */
  title: string;
  /** "Document not found", and the way out of it. */
  notFound: { title: string; action: ReactNode };
  /** The loading placeholder's name, e.g. "Loading document". */
  loadingLabel: string;
  /** Height of the placeholder's body, about that of the record's first screen. */
  skeletonHeight: number;
  errorTitle: string;
  children: (record: T) => ReactNode;
}

/**
 * A page about one record (a document, an interview): not found (a bad id or a 404), a placeholder while it
 * loads, the error with a retry, then the record itself.
 */
export function RecordPage<T>({ id, query, title, notFound, loadingLabel, skeletonHeight, errorTitle, children }: RecordPageProps<T>) {
  if (id === null || (query.error instanceof ApiError && query.error.status === 404)) {
    return (
      <>
        <PageTitle title={notFound.title} />
        <EmptyState title={notFound.title} actions={notFound.action}>
          It may have been deleted, or the link is wrong.
        </EmptyState>
      </>
    );
  }
  if (query.isPending) {
    return (
      <Stack gap="lg" role="status" aria-busy="true" aria-label={loadingLabel}>
        <PageTitle title={title} />
        <Skeleton h={34} w="60%" />
        <Skeleton h={skeletonHeight} radius="md" />
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <>
        <PageTitle title={title} />
        <Title order={1}>{title}</Title>
        <QueryError error={query.error} onRetry={() => query.refetch()} retrying={query.isFetching} title={errorTitle} />
      </>
    );
  }
  return children(query.data);
}

interface RecordHeaderProps {
  /** The link back to where the record belongs (a `BackLink`). */
  back: ReactNode;
  title: string;
  /** Under the title: what the record is, who wrote it, how far along it is. */
  meta: ReactNode;
  /** Beside the title, on the right (wraps below on a phone). */
  action?: ReactNode;
  /** Under the whole header, e.g. the error of that action. */
  children?: ReactNode;
}

/** The top of a record's page: back link, the title (long words wrap), what it is, and what can be done to it. */
export function RecordHeader({ back, title, meta, action, children }: RecordHeaderProps) {
  return (
    <Stack gap="xs">
      {back}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Box miw={0} flex="1 1 320px">
          <Title order={1} className="wrap-anywhere">
            {title}
          </Title>
          {meta}
        </Box>
        {action}
      </Group>
      {children}
    </Stack>
  );
}
