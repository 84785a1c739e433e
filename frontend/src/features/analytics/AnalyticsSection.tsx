import { Box, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface AnalyticsSectionProps {
  id: string;
  title: string;
  /** A control beside the title (a scope switch, say). */
  aside?: ReactNode;
  /** One line under the title: what the figures count. */
  description?: ReactNode;
  children: ReactNode;
}

/** A region named by its h2, as a card. */
export function AnalyticsSection({ id, title, aside, description, children }: AnalyticsSectionProps) {
  return (
    <Card component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Group justify="space-between" gap="sm" align="center">
          <Box miw={0}>
            <Title order={2} size="h4" id={id}>
              {title}
            </Title>
            {description ? (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            ) : null}
          </Box>
          {aside}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

/**
 * A chart, hidden from assistive technology: SVG charts cannot be read, so every chart sits beside the same
 * figures as text (a list or a table), which is what screen readers (and tests) read instead.
 */
export function ChartBox({ children }: { children: ReactNode }) {
  return (
    <Box aria-hidden="true" miw={0}>
      {children}
    </Box>
  );
}

export function SectionSkeleton({ label, chart = true }: { label: string; chart?: boolean }) {
  return (
    <Stack gap="sm" role="status" aria-busy="true" aria-label={label}>
      {chart ? <Skeleton h={200} /> : null}
      <Skeleton h={14} w="70%" />
      <Skeleton h={14} w="50%" />
    </Stack>
  );
}

/** "Nothing to show yet" inside a section: why, and what to do. */
export function SectionEmpty({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <Stack gap="xs" align="flex-start">
      <Text size="sm" c="dimmed">
        {children}
      </Text>
      {action}
    </Stack>
  );
}
