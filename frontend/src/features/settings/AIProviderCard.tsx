import { Alert, Badge, Button, Card, Code, Group, Progress, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { AIStatus, ConnectionCheck } from '../../client/types';
import { FormError } from '../../components/FormError';
import { QueryError } from '../../components/QueryError';
import { formatDateTime, timeUntil } from '../../lib/format';
import { useAIStatus, useTestConnection } from '../ai/useAI';

const STRUCTURED_OUTPUT_LABELS: Record<NonNullable<AIStatus['structured_output']>, string> = {
  json_schema_strict: 'Strict JSON schema',
  json_schema: 'JSON schema',
  json_object: 'JSON mode (schema in the prompt)',
};

const ENV_VARS = ['LLM_PROVIDER', 'LLM_MODEL', 'LLM_API_KEY', 'LLM_BASE_URL'];

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** "1,234 of 50,000 tokens"; with no budget (0), just the count. */
export function usageText({ tokens_used_today: used, daily_token_budget: budget }: AIStatus): string {
  const count = used.toLocaleString();
  return budget > 0 ? `${count} of ${budget.toLocaleString()} tokens` : `${count} tokens (no daily limit)`;
}

function Usage({ status }: { status: AIStatus }) {
  const budget = status.daily_token_budget;
  const percent = budget > 0 ? Math.min(100, Math.round((status.tokens_used_today / budget) * 100)) : 0;
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500}>
          Your usage today
        </Text>
        <Text size="sm">{usageText(status)}</Text>
      </Group>
      {budget > 0 ? (
        <Progress value={percent} color={percent >= 90 ? 'red' : percent >= 70 ? 'yellow' : undefined} aria-label="Tokens used today" />
      ) : null}
      <Text size="xs" c="dimmed">
        Counted per day in UTC; answers served from the cache are free. Resets{' '}
        <time dateTime={status.budget_resets_at} title={formatDateTime(status.budget_resets_at)}>
          {timeUntil(status.budget_resets_at)}
        </time>
        .
      </Text>
    </Stack>
  );
}

function ConnectionResult({ result }: { result: ConnectionCheck }) {
  const latency = result.latency_ms != null ? ` in ${result.latency_ms} ms` : '';
  return (
    <Alert
      color={result.ok ? 'green' : 'red'}
      variant="light"
      role="status"
      title={result.ok ? `Connected${latency}` : 'The connection failed'}
    >
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {result.message}
      </Text>
      {result.ok ? (
        <Text size="xs" c="dimmed">
          Model {result.model}
          {result.host ? ` at ${result.host}` : ''}
        </Text>
      ) : null}
    </Alert>
  );
}

function StatusDetails({ status }: { status: AIStatus }) {
  const test = useTestConnection();
  return (
    <Stack gap="md">
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="sm" m={0}>
        <Field label="Provider">
          {status.provider_label}{' '}
          {status.offline ? (
            <Badge variant="light" color="gray" radius="sm" tt="none">
              No network
            </Badge>
          ) : null}
        </Field>
        <Field label="Model">{status.model ?? 'Not set'}</Field>
        <Field label="Base URL host">{status.host ?? (status.offline ? 'None (offline)' : 'Not set')}</Field>
        <Field label="API key">{status.key_configured ? 'Configured (never shown)' : 'Not set'}</Field>
        <Field label="Structured output">
          {status.structured_output ? STRUCTURED_OUTPUT_LABELS[status.structured_output] : 'Not used'}
        </Field>
        {status.context_window ? <Field label="Context window">{`${status.context_window.toLocaleString()} tokens`}</Field> : null}
      </SimpleGrid>
      {!status.ready && status.problem ? (
        <Alert color="yellow" variant="light" title="Not ready">
          {status.problem}
        </Alert>
      ) : null}
      <Usage status={status} />
      <Group gap="sm">
        <Button variant="light" onClick={() => test.mutate()} loading={test.isPending}>
          Test connection
        </Button>
      </Group>
      <FormError error={test.error} title="The test could not run" />
      {test.data ? <ConnectionResult result={test.data} /> : null}
    </Stack>
  );
}

/** Settings section: which AI provider answers (read-only, from the server's environment), usage, a test. */
export function AIProviderCard() {
  const status = useAIStatus();
  return (
    <Card component="section" aria-labelledby="ai-provider-title">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id="ai-provider-title">
            AI provider
          </Title>
          <Text size="sm" c="dimmed">
            These come from the server's environment ({ENV_VARS.map((name, index) => (
              <span key={name}>
                {index > 0 ? ', ' : ''}
                <Code>{name}</Code>
              </span>
            ))}
            ) and cannot be changed here. Whoever runs this server sets them.
          </Text>
        </div>
        {status.isPending ? (
          <Stack gap="xs" aria-busy="true" aria-label="Loading the AI provider">
            <Skeleton h={40} />
            <Skeleton h={40} />
          </Stack>
        ) : status.isError ? (
          <QueryError
            error={status.error}
            onRetry={() => status.refetch()}
            retrying={status.isFetching}
            title="Could not load the AI provider"
          />
        ) : (
          <StatusDetails status={status.data} />
        )}
      </Stack>
    </Card>
  );
}
