import { Anchor, Box, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { plural } from '../../lib/format';
import { STATUS_COLORS, STATUS_LABELS, STATUS_ORDER } from '../applications/statuses';
import { useBoard } from '../applications/useApplications';
import { totalsOf } from '../board/boardLogic';

/** How many applications sit at each stage, from the board endpoint. */
export function PipelineCard() {
  const board = useBoard();
  const totals = board.data ? totalsOf(board.data) : null;
  const tracked = totals ? STATUS_ORDER.reduce((sum, status) => sum + totals[status], 0) : 0;
  return (
    <Card component="section" aria-labelledby="pipeline-title">
      <Stack gap="md">
        <Group justify="space-between" gap="xs" align="flex-start">
          <div>
            <Title order={2} size="h4" id="pipeline-title">
              Pipeline by status
            </Title>
            {totals ? (
              <Text size="sm" c="dimmed">
                {tracked ? `${plural(tracked, 'application')} tracked.` : 'Nothing tracked yet.'}
              </Text>
            ) : null}
          </div>
          {tracked ? (
            <Anchor component={Link} to="/board" size="sm" fw={600}>
              Open the board
            </Anchor>
          ) : null}
        </Group>
        {board.isPending ? (
          <SimpleGrid cols={{ base: 2, xs: 4 }} spacing="sm" role="status" aria-busy="true" aria-label="Loading pipeline">
            {STATUS_ORDER.map((status) => (
              <Skeleton key={status} h={64} radius="md" />
            ))}
          </SimpleGrid>
        ) : board.isError ? (
          <QueryError error={board.error} onRetry={() => board.refetch()} retrying={board.isFetching} title="Could not load your pipeline" />
        ) : tracked === 0 ? (
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed" maw={460}>
              Track a job and it shows up here, counted by stage: interested, applied, interviewing and so on.
            </Text>
            <Button component={Link} to="/jobs" variant="light">
              Find or add a job
            </Button>
          </Group>
        ) : (
          <SimpleGrid component="ul" cols={{ base: 2, xs: 4 }} spacing="sm" p={0} m={0} className="plain-list">
            {STATUS_ORDER.map((status) => (
              <li key={status}>
                <UnstyledButton
                  component={Link}
                  to={`/board?column=${status}`}
                  className="pipeline-tile"
                  style={{ '--tile-color': `var(--mantine-color-${STATUS_COLORS[status]}-6)` } as React.CSSProperties}
                >
                  <Box component="span" fz={26} fw={700} lh={1.1} display="block">
                    {totals?.[status] ?? 0}
                  </Box>
                  <Text span size="sm" c="dimmed" display="block">
                    {STATUS_LABELS[status]}
                  </Text>
                </UnstyledButton>
              </li>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Card>
  );
}
