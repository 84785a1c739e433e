import { Alert, List, Stack, Text, Title } from '@mantine/core';
import { formatDateTime, plural, relativeTime } from '../../lib/format';
import type { AIProviderSettingsRead, ProviderTestResult } from '../../client/types';

/** How many models the test result names in words before "and N more" (all stay in the Model field's list). */
const MODELS_SHOWN = 8;

function structuredText(ok: boolean | null | undefined): string | null {
  if (ok == null) return null;
  return ok
    ? 'Structured answers work: the model returned the JSON asked for.'
    : 'Structured answers did not work: the model did not return the JSON asked for. Try another model.';
}

/** What "Test connection" found with the unsaved values: ok or why not, the models, the structured call. */
export function ProviderTestResultAlert({ result }: { result: ProviderTestResult }) {
  const latency = result.latency_ms != null ? ` in ${result.latency_ms} ms` : '';
  const structured = structuredText(result.structured_output_ok);
  const models = result.models ?? [];
  const shown = models.slice(0, MODELS_SHOWN);
  const more = models.length - shown.length;
  return (
    <Alert
      color={result.ok ? 'green' : 'red'}
      variant="light"
      role="status"
      title={result.ok ? `Connected${latency}${result.host ? ` to ${result.host}` : ''}` : 'The connection failed'}
    >
      <Stack gap={6}>
        <Text size="sm" className="wrap-anywhere">
          {result.message}
        </Text>
        {structured ? (
          <Text size="sm" c={result.structured_output_ok ? undefined : 'red.8'}>
            {structured}
          </Text>
        ) : null}
        {result.ok && result.model ? <Text size="xs" c="dimmed">{`Tried with the model ${result.model}`}</Text> : null}
        {models.length ? (
          <div>
            <Text size="sm" fw={500}>
              {`The server lists ${plural(models.length, 'model')}; choose one in the Model field:`}
            </Text>
            <Text size="xs" className="wrap-anywhere" aria-label="Models the server lists">
              {shown.join(', ')}
              {more > 0 ? ` and ${more} more` : ''}
            </Text>
          </div>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** When the settings were last saved and by whom, and the recent changes (the audit trail). */
export function RecentChanges({ settings }: { settings: AIProviderSettingsRead }) {
  return (
    <Stack gap={4}>
      <Title order={3} size="h6">
        Recent changes
      </Title>
      {settings.updated_at ? (
        <Text size="xs" c="dimmed">
          Last saved <time dateTime={settings.updated_at} title={formatDateTime(settings.updated_at)}>{relativeTime(settings.updated_at)}</time>
          {settings.updated_by ? ` by ${settings.updated_by}` : ''}.
        </Text>
      ) : null}
      {settings.changes.length === 0 ? (
        <Text size="sm" c="dimmed">
          Not changed here yet.
        </Text>
      ) : (
        <List size="sm" spacing={4} aria-label="Recent changes to the AI provider">
          {settings.changes.map((change, index) => (
            <List.Item key={`${change.at}-${index}`}>
              <time dateTime={change.at}>{formatDateTime(change.at)}</time>
              {' · '}
              {change.actor ?? 'The server'}
              {': '}
              <span className="wrap-anywhere">{change.summary}</span>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
