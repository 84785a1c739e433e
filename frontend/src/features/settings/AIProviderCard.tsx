import { Alert, Badge, Button, Card, Code, Group, List, Progress, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { AIStatus, ConnectionCheck } from '../../client/types';
import { FormError } from '../../components/FormError';
import { QueryError } from '../../components/QueryError';
import { useAuth } from '../../hooks/useAuth';
import { formatDateTime, timeUntil } from '../../lib/format';
import { useAISettings, useAIStatus, useTestConnection } from '../ai/useAI';
import { AIProviderForm } from './AIProviderForm';

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
      <Text component="dd" size="sm" m={0} className="wrap-anywhere">
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
      <Text size="sm" className="wrap-anywhere">
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
      <DataSent status={status} />
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

/** "Say where the data goes": what AI features send to the provider in force, in plain sentences. */
export function DataSent({ status }: { status: AIStatus }) {
  if (status.offline) {
    return (
      <Text size="sm" c="dimmed">
        AI features run offline: nothing is sent to an AI service.
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Title order={3} size="h6" id="ai-data-sent-title">
        What is sent to {status.provider_label}
      </Title>
      {status.data_sent?.length ? (
        <List size="sm" spacing={2} aria-labelledby="ai-data-sent-title">
          {status.data_sent.map((sentence) => (
            <List.Item key={sentence}>{sentence}</List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" c="dimmed">
          What you ask an AI feature to work on (your profile, resume, a job posting, your answers).
        </Text>
      )}
    </Stack>
  );
}

function EnvironmentNote() {
  return (
    <>
      These come from the server's environment ({ENV_VARS.map((name, index) => (
        <span key={name}>
          {index > 0 ? ', ' : ''}
          <Code>{name}</Code>
        </span>
      ))}
      ) and cannot be changed here. Whoever runs this server sets them.
    </>
  );
}

/** Where the provider comes from, for someone who cannot change it. */
function ReadOnlyIntro({ source }: { source: AIStatus['source'] | undefined }) {
  if (source === 'settings') return <>An administrator chose this provider in Settings; only administrators can change it.</>;
  if (source === 'default') return <>No AI service is set up on this server, so AI features run offline. An administrator can choose one.</>;
  return <EnvironmentNote />;
}

const SOURCE_TEXT: Record<AIStatus['source'], string> = {
  environment: 'from the environment',
  settings: 'from these settings',
  default: 'the default',
};

/** For administrators: the form, what is in force now, where the data goes, and their own usage. */
function AdminView({ status }: { status: AIStatus }) {
  const settings = useAISettings(true);
  return (
    <Stack gap="md">
      <Text size="sm">
        In force now: <strong>{status.provider_label}</strong>
        {status.model && !status.offline ? ` · ${status.model}` : ''}
        {status.source ? ` (${SOURCE_TEXT[status.source]})` : ''}
      </Text>
      {!status.ready && status.problem ? (
        <Alert color="yellow" variant="light" title="Not ready">
          {status.problem}
        </Alert>
      ) : null}
      {settings.isPending ? (
        <Stack gap="xs" role="status" aria-busy="true" aria-label="Loading the AI provider settings">
          <Skeleton h={56} />
          <Skeleton h={56} />
        </Stack>
      ) : settings.isError ? (
        <QueryError
          error={settings.error}
          onRetry={() => settings.refetch()}
          retrying={settings.isFetching}
          title="Could not load the AI provider settings"
        />
      ) : (
        <AIProviderForm settings={settings.data} />
      )}
      <DataSent status={status} />
      <Usage status={status} />
    </Stack>
  );
}

/**
 * Settings section: which AI provider answers and what is sent to it, and the usage. Administrators choose
 * the provider here; everyone else sees it read-only, with a connection test.
 */
export function AIProviderCard() {
  const { user } = useAuth();
  const status = useAIStatus();
  const admin = Boolean(user?.is_admin);
  return (
    <Card component="section" aria-labelledby="ai-provider-title">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id="ai-provider-title">
            AI provider
          </Title>
          <Text size="sm" c="dimmed">
            {admin ? (
              <>
                The AI service this server uses for everyone. Values set in the server's environment (<Code>LLM_*</Code>)
                win over the ones saved here.
              </>
            ) : status.data ? (
              <ReadOnlyIntro source={status.data.source} />
            ) : null}
          </Text>
        </div>
        {status.isPending ? (
          <Stack gap="xs" role="status" aria-busy="true" aria-label="Loading the AI provider">
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
        ) : admin ? (
          <AdminView status={status.data} />
        ) : (
          <StatusDetails status={status.data} />
        )}
      </Stack>
    </Card>
  );
}
