import { Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  children: ReactNode;
  icon?: ReactNode;
  /** Buttons or links: what to do next. */
  actions?: ReactNode;
  /** Heading level of the title (2 under a page's h1). */
  order?: 2 | 3;
}

/** "Nothing here yet": says why, and what to do next. */
export function EmptyState({ title, children, icon, actions, order = 2 }: EmptyStateProps) {
  return (
    <Paper withBorder radius="lg" p={{ base: 'lg', sm: 'xl' }} className="empty-state">
      <Stack align="center" ta="center" gap="sm" maw={520} mx="auto">
        {icon ? (
          <ThemeIcon size={56} radius="xl" variant="light" aria-hidden>
            {icon}
          </ThemeIcon>
        ) : null}
        <Title order={order} size="h3">
          {title}
        </Title>
        <Text c="dimmed" component="div">
          {children}
        </Text>
        {actions ? <Stack gap="xs" align="center" mt="xs">{actions}</Stack> : null}
      </Stack>
    </Paper>
  );
}
