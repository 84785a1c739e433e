import { Anchor, Autocomplete, Button, Checkbox, Group, NativeSelect, NumberInput, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { FormError } from '../../components/FormError';
import { applyServerFieldErrors } from '../../lib/forms';
import type { AIProviderSettingsRead, AIProviderSettingsUpdate, AISettingsField, KeyStatus, ProviderOption } from '../../client/types';
import { useSaveAISettings, useTestAISettings } from '../ai/useAI';
import { ProviderTestResultAlert, RecentChanges } from './AIProviderExtras';

type FormField = AISettingsField;

/** The environment variable that sets each field (and then wins over the form). */
export const ENV_VARIABLES: Record<FormField, string> = {
  provider: 'LLM_PROVIDER',
  model: 'LLM_MODEL',
  base_url: 'LLM_BASE_URL',
  api_key: 'LLM_API_KEY',
  daily_token_budget: 'LLM_DAILY_TOKEN_BUDGET',
};

const FIELDS = Object.keys(ENV_VARIABLES) as FormField[];

export const KEY_STATUS_TEXT: Record<KeyStatus, string> = {
  set: 'A key is saved (never shown). Leave this empty to keep it.',
  missing: 'No key is saved.',
  unreadable: 'The saved key cannot be read on this server (it was saved with another secret): enter it again.',
};

export const KEY_WILL_BE_REMOVED = 'The saved key will be removed: enter the key for the new server.';

export interface ProviderFormValues {
  provider: string;
  model: string;
  base_url: string;
  api_key: string;
  remove_key: boolean;
  daily_token_budget: number | string;
}

function initialValues(settings: AIProviderSettingsRead): ProviderFormValues {
  return {
    provider: settings.provider,
    model: settings.model ?? '',
    base_url: settings.base_url ?? '',
    api_key: '',
    remove_key: false,
    daily_token_budget: settings.daily_token_budget,
  };
}

/** The request body: an empty key keeps the saved one (null), "Remove" sends ''; offline has no model or URL. */
export function toUpdate(values: ProviderFormValues): AIProviderSettingsUpdate {
  const offline = values.provider === 'offline';
  const budget = Number(values.daily_token_budget);
  return {
    provider: values.provider,
    model: offline ? null : values.model.trim() || null,
    base_url: offline ? null : values.base_url.trim() || null,
    api_key: values.api_key.trim() ? values.api_key.trim() : values.remove_key ? '' : null,
    daily_token_budget: Number.isFinite(budget) && budget > 0 ? Math.floor(budget) : 0,
  };
}

function envNote(field: FormField): string {
  return `Set by ${ENV_VARIABLES[field]} in the environment; the environment wins.`;
}

function ProviderDocs({ option }: { option: ProviderOption | undefined }) {
  if (!option?.docs) return null;
  if (/^https?:\/\//.test(option.docs)) {
    return (
      <Anchor href={option.docs} target="_blank" rel="noreferrer" size="xs">
        {option.label} documentation
      </Anchor>
    );
  }
  return (
    <Text size="xs" c="dimmed">
      {option.docs}
    </Text>
  );
}

/** The providers to choose from (and the saved one, should the server no longer offer it). */
function providerChoices(settings: AIProviderSettingsRead): { value: string; label: string }[] {
  const choices = settings.providers.map((p) => ({ value: p.name, label: p.label }));
  return choices.some((c) => c.value === settings.provider) ? choices : [{ value: settings.provider, label: settings.provider }, ...choices];
}

/** Settings → AI provider for administrators: choose the provider, test the unsaved values, save. */
export function AIProviderForm({ settings }: { settings: AIProviderSettingsRead }) {
  const form = useForm<ProviderFormValues>({
    initialValues: initialValues(settings),
    validate: {
      base_url: (value, values) => {
        const option = settings.providers.find((p) => p.name === values.provider);
        if (values.provider === 'offline' || settings.environment_overrides.includes('base_url')) return null;
        return option && !option.base_url && !value.trim() ? "Enter the address of the provider's server" : null;
      },
      daily_token_budget: (value) => (Number(value) >= 0 ? null : 'Enter 0 (no limit) or more tokens'),
    },
  });
  const save = useSaveAISettings();
  const test = useTestAISettings();
  const fixed = (field: FormField) => settings.environment_overrides.includes(field);
  const { values } = form;
  const option = settings.providers.find((p) => p.name === values.provider);
  const offline = values.provider === 'offline';
  const hasSavedKey = settings.key_status !== 'missing';
  const serverChanged =
    values.provider !== settings.provider || values.base_url.trim().replace(/\/+$/, '') !== (settings.base_url ?? '').replace(/\/+$/, '');
  const keyWillGo = hasSavedKey && serverChanged && !fixed('api_key') && !values.api_key.trim() && !values.remove_key;

  // Another provider: its own default model and URL (the saved ones belong to the saved provider).
  const chooseProvider = (name: string) => {
    if (name === values.provider) return;
    const saved = name === settings.provider;
    form.setValues({
      provider: name,
      ...(fixed('model') ? {} : { model: saved ? (settings.model ?? '') : '' }),
      ...(fixed('base_url') ? {} : { base_url: saved ? (settings.base_url ?? '') : '' }),
    });
    test.reset();
  };

  const submit = form.onSubmit((submitted) =>
    save.mutate(toUpdate(submitted), {
      onSuccess: (saved) => {
        form.setInitialValues(initialValues(saved));
        form.setValues(initialValues(saved));
        form.resetDirty(initialValues(saved));
        test.reset();
        notifications.show({ color: 'green', title: 'AI provider saved', message: 'New AI requests use it from now on.' });
      },
      onError: (error) => applyServerFieldErrors(form, error, FIELDS),
    }),
  );
  const runTest = () => {
    if (!form.validate().hasErrors) test.mutate(toUpdate(values));
  };

  return (
    <form onSubmit={submit} noValidate aria-label="AI provider settings">
      <Stack gap="md">
        <FormError error={save.error} title="The AI provider was not saved" />
        <div>
          <NativeSelect
            label="Provider"
            data={providerChoices(settings)}
            disabled={fixed('provider')}
            description={fixed('provider') ? envNote('provider') : undefined}
            {...form.getInputProps('provider')}
            onChange={(event) => chooseProvider(event.currentTarget.value)}
          />
          <ProviderDocs option={option} />
        </div>
        {offline ? (
          <Text size="sm" c="dimmed">
            AI features use their built-in offline versions: nothing is sent anywhere.
            {hasSavedKey && serverChanged && !fixed('api_key') ? ' Saving removes the saved key.' : ''}
          </Text>
        ) : (
          <>
            <Autocomplete
              label="Model"
              placeholder={option?.default_model ?? 'The model to use'}
              description={fixed('model') ? envNote('model') : test.data?.models?.length ? 'Choose one of the models the server lists, or type a name.' : 'Empty: the provider’s default model.'}
              data={test.data?.models ?? []}
              disabled={fixed('model')}
              {...form.getInputProps('model')}
            />
            <div>
              <PasswordInput
                label={option && !option.needs_key ? 'API key (optional)' : 'API key'}
                autoComplete="off"
                description={fixed('api_key') ? envNote('api_key') : KEY_STATUS_TEXT[settings.key_status]}
                disabled={fixed('api_key') || values.remove_key}
                {...form.getInputProps('api_key')}
              />
              {keyWillGo ? (
                <Text size="sm" c="orange.8" mt={4} role="note">
                  {KEY_WILL_BE_REMOVED}
                </Text>
              ) : null}
              {hasSavedKey && !fixed('api_key') ? (
                <Checkbox mt="xs" label="Remove the saved key" {...form.getInputProps('remove_key', { type: 'checkbox' })} />
              ) : null}
            </div>
            <TextInput
              label={option?.base_url ? 'Base URL (optional)' : 'Base URL'}
              placeholder={option?.base_url ?? 'http://127.0.0.1:8000/v1'}
              description={
                fixed('base_url')
                  ? envNote('base_url')
                  : option?.base_url
                    ? `Empty: ${option.base_url}. Set it to use another server.`
                    : 'The address of the OpenAI-compatible API, usually ending in /v1.'
              }
              disabled={fixed('base_url')}
              {...form.getInputProps('base_url')}
            />
          </>
        )}
        <NumberInput
          label="Daily token budget per user"
          description={fixed('daily_token_budget') ? envNote('daily_token_budget') : 'Tokens each user may use per day (UTC); 0 = no limit.'}
          min={0}
          step={10_000}
          thousandSeparator=","
          allowDecimal={false}
          allowNegative={false}
          disabled={fixed('daily_token_budget')}
          {...form.getInputProps('daily_token_budget')}
        />
        <FormError error={test.error} title="The test could not run" />
        {test.data ? <ProviderTestResultAlert result={test.data} /> : null}
        <Group gap="sm" justify="flex-end">
          <Button variant="default" onClick={runTest} loading={test.isPending}>
            Test connection
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        </Group>
        <RecentChanges settings={settings} />
      </Stack>
    </form>
  );
}
