import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { AUTH_CONFIG, installFakeServer, json, PROFILE, TOKEN, USER, type Handler } from '../../test/fakeServer';
import { aiSettings, aiStatus } from '../../test/fixtures';
import { KEY_STATUS_TEXT, KEY_WILL_BE_REMOVED } from './AIProviderForm';

const ADMIN = { ...USER, email: 'root@example.com', is_admin: true };

const GROQ = aiStatus({
  provider: 'groq',
  provider_label: 'Groq',
  model: 'llama-3.3-70b-versatile',
  host: 'api.groq.com',
  key_configured: true,
  offline: false,
  tokens_used_today: 1_200,
  daily_token_budget: 50_000,
  source: 'settings',
  can_configure: true,
  data_sent: ['Your resume text, to find its skills.', 'The job posting and your profile, to write a cover letter.'],
});

function adminServer(extra: Record<string, Handler> = {}) {
  return installFakeServer({
    'POST /api/v1/auth/refresh': () => json(200, TOKEN('t1')),
    'GET /api/v1/auth/me': () => json(200, ADMIN),
    'GET /api/v1/auth/config': () => json(200, AUTH_CONFIG),
    'GET /api/v1/users/me/connections': () => json(200, { has_password: true, connections: [], available: [] }),
    'GET /api/v1/users/me': () => json(200, { ...PROFILE, ...ADMIN }),
    'GET /api/v1/users/me/exports': () => json(200, []),
    'GET /api/v1/ai/status': () => json(200, GROQ),
    'GET /api/v1/ai/settings': () => json(200, aiSettings()),
    ...extra,
  });
}

async function openForm() {
  const card = await screen.findByRole('region', { name: 'AI provider' });
  const form = await within(card).findByRole('form', { name: 'AI provider settings' });
  return { card, form };
}

describe('Settings: AI provider (administrators)', () => {
  it('shows the form with the saved values, never the key, what is sent, the usage and the recent changes', async () => {
    adminServer();
    renderApp('/settings');
    const { card, form } = await openForm();
    expect(within(form).getByLabelText('Provider')).toHaveValue('groq');
    expect(within(form).getByRole('option', { name: 'Groq' })).toBeInTheDocument();
    expect(within(form).getByLabelText('Model')).toHaveValue('llama-3.3-70b-versatile');
    const key = within(form).getByLabelText('API key');
    expect(key).toHaveValue('');
    expect(key).toHaveAccessibleDescription(KEY_STATUS_TEXT.set);
    expect(within(form).getByLabelText('Base URL (optional)')).toHaveAttribute('placeholder', 'https://api.groq.com/openai/v1');
    expect(within(form).getByLabelText('Daily token budget per user')).toHaveValue('50,000');

    expect(card).toHaveTextContent('In force now: Groq · llama-3.3-70b-versatile (from these settings)');
    const sent = within(card).getByRole('list', { name: 'What is sent to Groq' });
    expect(within(sent).getAllByRole('listitem').map((item) => item.textContent)).toEqual(GROQ.data_sent);
    expect(within(card).getByRole('progressbar', { name: 'Tokens used today' })).toBeInTheDocument();
    const changes = within(form).getByRole('list', { name: 'Recent changes to the AI provider' });
    expect(changes).toHaveTextContent('root@example.com: Provider: offline → groq; API key set');
    // The read-only details are for everyone else.
    expect(within(card).queryByText('Base URL host', { selector: 'dt' })).not.toBeInTheDocument();
  });

  it('saves: sends the form as the PUT body, confirms, and reloads the status and the settings', async () => {
    const server = adminServer({
      'PUT /api/v1/ai/settings': () => json(200, aiSettings({ model: 'llama-3.1-8b-instant', daily_token_budget: 0 })),
    });
    const { user } = renderApp('/settings');
    const { form } = await openForm();
    const model = within(form).getByLabelText('Model');
    await user.clear(model);
    await user.type(model, 'llama-3.1-8b-instant');
    await user.type(within(form).getByLabelText('API key'), 'gsk_new_key');
    const budget = within(form).getByLabelText('Daily token budget per user');
    await user.clear(budget);
    await user.type(budget, '0');
    const statusCalls = server.calls('GET /api/v1/ai/status').length;
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('AI provider saved')).toBeInTheDocument();
    const [put] = server.calls('PUT /api/v1/ai/settings');
    expect(put.headers.get('Authorization')).toBe('Bearer t1');
    expect(await put.json()).toEqual({
      provider: 'groq',
      model: 'llama-3.1-8b-instant',
      base_url: null,
      api_key: 'gsk_new_key',
      daily_token_budget: 0,
    });
    await waitFor(() => expect(server.calls('GET /api/v1/ai/status').length).toBeGreaterThan(statusCalls));
    expect(server.calls('GET /api/v1/ai/settings').length).toBeGreaterThan(1);
    // The key is never kept in the form.
    expect(within(form).getByLabelText('API key')).toHaveValue('');
  });

  it('sends null to keep the saved key, and "" to remove it', async () => {
    const server = adminServer({ 'PUT /api/v1/ai/settings': () => json(200, aiSettings({ key_status: 'missing' })) });
    const { user } = renderApp('/settings');
    const { form } = await openForm();
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(server.calls('PUT /api/v1/ai/settings')).toHaveLength(1));
    expect((await server.calls('PUT /api/v1/ai/settings')[0].json()).api_key).toBeNull();

    await user.click(within(form).getByRole('checkbox', { name: 'Remove the saved key' }));
    expect(within(form).getByLabelText('API key')).toBeDisabled();
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(server.calls('PUT /api/v1/ai/settings')).toHaveLength(2));
    expect((await server.calls('PUT /api/v1/ai/settings')[1].json()).api_key).toBe('');
  });

  it('disables the fields the environment sets, and says which variable wins', async () => {
    adminServer({
      'GET /api/v1/ai/settings': () => json(200, aiSettings({ environment_overrides: ['provider', 'api_key', 'daily_token_budget'] })),
    });
    renderApp('/settings');
    const { form } = await openForm();
    const provider = within(form).getByLabelText('Provider');
    expect(provider).toBeDisabled();
    expect(provider).toHaveAccessibleDescription('Set by LLM_PROVIDER in the environment; the environment wins.');
    expect(within(form).getByLabelText('API key')).toBeDisabled();
    expect(within(form).getByLabelText('API key')).toHaveAccessibleDescription('Set by LLM_API_KEY in the environment; the environment wins.');
    expect(within(form).getByLabelText('Daily token budget per user')).toBeDisabled();
    expect(within(form).getByText('Set by LLM_DAILY_TOKEN_BUDGET in the environment; the environment wins.')).toBeInTheDocument();
    expect(within(form).queryByRole('checkbox', { name: 'Remove the saved key' })).not.toBeInTheDocument();
    expect(within(form).getByLabelText('Model')).toBeEnabled();
  });

  it('warns beside the key field that a new provider or base URL removes the saved key', async () => {
    const { user } = (adminServer(), renderApp('/settings'));
    const { form } = await openForm();
    expect(within(form).queryByText(KEY_WILL_BE_REMOVED)).not.toBeInTheDocument();

    await user.selectOptions(within(form).getByLabelText('Provider'), 'OpenAI');
    expect(within(form).getByText(KEY_WILL_BE_REMOVED)).toBeInTheDocument();
    // The saved model belonged to Groq: the new provider's default shows instead.
    expect(within(form).getByLabelText('Model')).toHaveValue('');
    expect(within(form).getByLabelText('Model')).toHaveAttribute('placeholder', 'gpt-4o-mini');
    await user.type(within(form).getByLabelText('API key'), 'sk-new');
    expect(within(form).queryByText(KEY_WILL_BE_REMOVED)).not.toBeInTheDocument();

    await user.selectOptions(within(form).getByLabelText('Provider'), 'Groq');
    await user.clear(within(form).getByLabelText('API key'));
    expect(within(form).queryByText(KEY_WILL_BE_REMOVED)).not.toBeInTheDocument();
    await user.type(within(form).getByLabelText('Base URL (optional)'), 'https://proxy.example.com/v1');
    expect(within(form).getByText(KEY_WILL_BE_REMOVED)).toBeInTheDocument();
  });

  it('tests the unsaved values: the models the server lists go into the Model field, and whether structured output worked', async () => {
    const server = adminServer({
      'POST /api/v1/ai/settings/test': () =>
        json(200, {
          ok: true,
          model: 'llama-3.3-70b-versatile',
          message: 'Groq answered.',
          host: 'api.groq.com',
          latency_ms: 120,
          models: ['llama-3.3-70b-versatile', 'llama-3.1-8b-instant', 'gemma2-9b-it'],
          structured_output_ok: true,
        }),
    });
    const { user } = renderApp('/settings');
    const { form } = await openForm();
    await user.type(within(form).getByLabelText('API key'), 'gsk_try');
    await user.click(within(form).getByRole('button', { name: 'Test connection' }));

    const result = await within(form).findByRole('status');
    expect(result).toHaveTextContent('Connected in 120 ms to api.groq.com');
    expect(result).toHaveTextContent('Structured answers work');
    expect(result).toHaveTextContent('Tried with the model llama-3.3-70b-versatile');
    expect(within(result).getByLabelText('Models the server lists')).toHaveTextContent('llama-3.3-70b-versatile, llama-3.1-8b-instant, gemma2-9b-it');
    expect(await server.calls('POST /api/v1/ai/settings/test')[0].json()).toEqual({
      provider: 'groq',
      model: 'llama-3.3-70b-versatile',
      base_url: null,
      api_key: 'gsk_try',
      daily_token_budget: 50_000,
    });
    expect(server.calls('PUT /api/v1/ai/settings')).toHaveLength(0);

    const model = within(form).getByLabelText('Model');
    await user.clear(model);
    await user.type(model, 'gemma');
    await user.click(await screen.findByRole('option', { name: 'gemma2-9b-it', hidden: true }));
    expect(model).toHaveValue('gemma2-9b-it');
  });

  it('shows a failed test and a refused save in words', async () => {
    adminServer({
      'POST /api/v1/ai/settings/test': () =>
        json(200, { ok: false, model: 'llama-3.3-70b-versatile', message: 'Groq refused the API key (401).', host: 'api.groq.com', latency_ms: 80, models: [], structured_output_ok: null }),
      'PUT /api/v1/ai/settings': () =>
        json(422, {
          detail: 'Check the highlighted fields.',
          code: 'validation_error',
          errors: [{ loc: ['body', 'base_url'], msg: 'the base URL must start with http:// or https:// and name a host', type: 'value_error' }],
        }),
    });
    const { user } = renderApp('/settings');
    const { form } = await openForm();
    await user.click(within(form).getByRole('button', { name: 'Test connection' }));
    const result = await within(form).findByRole('status');
    expect(result).toHaveTextContent('The connection failed');
    expect(result).toHaveTextContent('Groq refused the API key (401).');

    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('The AI provider was not saved');
    expect(within(form).getByText('the base URL must start with http:// or https:// and name a host')).toBeInTheDocument();
  });

  it('non-administrators get the read-only card and never ask for the settings', async () => {
    const server = adminServer({ 'GET /api/v1/auth/me': () => json(200, USER), 'GET /api/v1/users/me': () => json(200, PROFILE) });
    renderApp('/settings');
    const card = await screen.findByRole('region', { name: 'AI provider' });
    expect(await within(card).findByText('Base URL host', { selector: 'dt' })).toBeInTheDocument();
    expect(card).toHaveTextContent('An administrator chose this provider in Settings; only administrators can change it.');
    expect(within(card).getByRole('list', { name: 'What is sent to Groq' })).toBeInTheDocument();
    expect(within(card).queryByRole('form')).not.toBeInTheDocument();
    expect(within(card).queryByRole('textbox')).not.toBeInTheDocument();
    expect(server.calls('GET /api/v1/ai/settings')).toHaveLength(0);
  });
});
