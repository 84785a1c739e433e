import { Button, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { PageTitle } from './PageTitle';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <Stack align="flex-start" gap="md" py="xl">
      <PageTitle title="Page not found" />
      <Text c="brand" fw={700} size="sm">
        404
      </Text>
      <Title order={1}>Page not found</Title>
      <Text c="dimmed" className="wrap-anywhere">
        There is nothing at <code>{pathname}</code>. It may have moved, or the link may be mistyped.
      </Text>
      <Button component={Link} to="/">
        Back to the dashboard
      </Button>
    </Stack>
  );
}
