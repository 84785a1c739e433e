import { Alert, Button, Group, Text } from '@mantine/core';
import { errorMessage } from '../client';

interface QueryErrorProps {
  error: unknown;
  onRetry: () => void;
  title?: string;
  retrying?: boolean;
}

/** Error state for data that failed to load, with a retry. */
export function QueryError({ error, onRetry, title = 'Could not load this page', retrying }: QueryErrorProps) {
  return (
    <Alert color="red" variant="light" role="alert" title={title}>
      <Group justify="space-between" gap="sm">
        <Text size="sm">{errorMessage(error)}</Text>
        <Button size="xs" variant="white" color="red" onClick={onRetry} loading={retrying}>
          Try again
        </Button>
      </Group>
    </Alert>
  );
}
