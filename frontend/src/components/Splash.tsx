import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { NETWORK_ERROR_MESSAGE } from '../client';
import { PRODUCT_NAME } from '../theme';
import { Logo } from './Logo';

/** Full-screen splash shown while we find out whether the visitor is signed in. */
export function Splash() {
  return (
    <Center mih="100dvh" p="md">
      <Stack align="center" gap="md" role="status" aria-live="polite">
        <Logo size={48} />
        <Text fw={700} size="lg">
          {PRODUCT_NAME}
        </Text>
        <Loader size="sm" aria-hidden />
        <Text size="sm" c="dimmed">
          Loading your workspace…
        </Text>
      </Stack>
    </Center>
  );
}

export function ServerUnreachable({ onRetry }: { onRetry: () => void }) {
  return (
    <Center mih="100dvh" p="md">
      <Stack align="center" gap="md" maw={420} ta="center">
        <title>{`${NETWORK_ERROR_MESSAGE} · ${PRODUCT_NAME}`}</title>
        <Logo size={48} />
        <Title order={1} size="h2">
          {NETWORK_ERROR_MESSAGE}
        </Title>
        <Text c="dimmed">
          {PRODUCT_NAME} could not contact its server. Check your connection, or that the server is running, and try
          again.
        </Text>
        <Button onClick={onRetry}>Try again</Button>
      </Stack>
    </Center>
  );
}
