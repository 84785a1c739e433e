import { Anchor, Box, Center, Container, Group, Paper, Text } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import { PRODUCT_NAME } from '../theme';
import { Logo } from './Logo';

/** Centered card used by sign-in, registration and password pages. */
export function AuthLayout() {
  return (
    <Box mih="100dvh" className="auth-backdrop">
      <Center mih="100dvh" py="xl" px="md">
        <Container size={440} w="100%" p={0}>
          <Group justify="center" mb="lg" gap="xs">
            <Anchor component={Link} to="/" underline="never" c="inherit" aria-label={`${PRODUCT_NAME} home`}>
              <Group gap="xs" wrap="nowrap">
                <Logo size={32} />
                <Text fw={800} size="xl">
                  {PRODUCT_NAME}
                </Text>
              </Group>
            </Anchor>
          </Group>
          <Paper component="main" withBorder shadow="sm" p={{ base: 'lg', xs: 'xl' }} radius="lg">
            <Outlet />
          </Paper>
          <Text ta="center" size="xs" c="dimmed" mt="lg">
            Your self-hosted AI job-search copilot
          </Text>
        </Container>
      </Center>
    </Box>
  );
}
