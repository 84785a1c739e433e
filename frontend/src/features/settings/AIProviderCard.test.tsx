import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { AUTH_CONFIG, installFakeServer, json, PROFILE, type Handler } from '../../test/fakeServer';
import { aiStatus, SIGNED_IN } from '../../test/fixtures';
import { usageText } from './AIProviderCard';

const GROQ = aiStatus({
  provider: 'groq',
  provider_label: 'Groq',
  model: 'llama-3.3-70b-versatile',
  host: 'api.groq.com',
  key_configured: true,
  offline: false,
  structured_output: 'json_object',
  context_window: 131_072,
  tokens_used_today: 37_500,
  daily_token_budget: 50_000,
  source: 'environment',
  data_sent: ['Your resume text, to find its skills.'],
});

function settingsServer(extra: Record<string, Handler> = {}) {
  return installFakeServer({
    ...SIGNED_IN,
    'GET /api/v1/auth/config': () => json(200, AUTH_CONFIG),
    'GET /api/v1/users/me/connections': () => json(200, { has_password: true, connections: [], available: [] }),
    'GET /api/v1/users/me': () => json(200, PROFILE),
    'GET /api/v1/users/me/exports': () => json(200, []),
    'GET /api/v1/ai/status': () => json(200, GROQ),
    ...extra,
  });
}

function field(card: HTMLElement, label: string): string | null {
  const term = within(card).getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? null;
}

describe('Settings: AI provider', () => {
  it('shows the configured provider read-only, where it comes from, and the usage against the budget', async () => {
    settingsServer();
    renderApp('/settings');
    const card = await screen.findByRole('region', { name: 'AI provider' });
    await within(card).findByText('Provider', { selector: 'dt' });
    expect(card).toHaveTextContent(/come from the server's environment \(LLM_PROVIDER, LLM_MODEL, LLM_API_KEY, LLM_BASE_URL\)/);
    const sent = within(card).getByRole('list', { name: 'What is sent to Groq' });
    expect(sent).toHaveTextContent('Your resume text, to find its skills.');
    expect(field(card, 'Provider')).toContain('Groq');
    expect(field(card, 'Model')).toBe('llama-3.3-70b-versatile');
    expect(field(card, 'Base URL host')).toBe('api.groq.com');
    expect(field(card, 'API key')).toBe('Configured (never shown)');
    expect(field(card, 'Structured output')).toBe('JSON mode (schema in the prompt)');
    expect(within(card).queryByRole('textbox')).not.toBeInTheDocument();

    expect(within(card).getByText(`${(37_500).toLocaleString()} of ${(50_000).toLocaleString()} tokens`)).toBeInTheDocument();
    const bar = within(card).getByRole('progressbar', { name: 'Tokens used today' });
    expect(bar).toHaveAttribute('aria-valuenow', '75');
    expect(within(card).getByText(/Resets/)).toHaveTextContent(/in [45] hours/);
  });

  it('says what is missing when the provider is not ready, and has no bar without a budget', async () => {
    settingsServer({
      'GET /api/v1/ai/status': () =>
        json(200, { ...GROQ, key_configured: false, ready: false, problem: 'LLM_API_KEY is not set.', daily_token_budget: 0 }),
    });
    renderApp('/settings');
    const card = await screen.findByRole('region', { name: 'AI provider' });
    expect(await within(card).findByText('LLM_API_KEY is not set.')).toBeInTheDocument();
    expect(field(card, 'API key')).toBe('Not set');
    expect(within(card).getByText(/tokens \(no daily limit\)/)).toBeInTheDocument();
    expect(within(card).queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('tests the connection and shows how it went', async () => {
    const server = settingsServer({
      'POST /api/v1/ai/test-connection': () =>
        json(200, { ok: true, provider: 'groq', model: 'llama-3.3-70b-versatile', host: 'api.groq.com', latency_ms: 412, message: "Groq answered: 'OK'" }),
    });
    const { user } = renderApp('/settings');
    const card = await screen.findByRole('region', { name: 'AI provider' });
    await user.click(await within(card).findByRole('button', { name: 'Test connection' }));
    const result = await within(card).findByRole('status');
    expect(result).toHaveTextContent('Connected in 412 ms');
    expect(result).toHaveTextContent("Groq answered: 'OK'");
    expect(result).toHaveTextContent('Model llama-3.3-70b-versatile at api.groq.com');
    expect(server.calls('POST /api/v1/ai/test-connection')[0].headers.get('Authorization')).toBe('Bearer t1');

    server.on('POST /api/v1/ai/test-connection', () =>
      json(200, { ok: false, provider: 'groq', model: 'llama-3.3-70b-versatile', host: 'api.groq.com', latency_ms: 95, message: 'Groq refused the API key (401).' }),
    );
    await user.click(within(card).getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(within(card).getByRole('status')).toHaveTextContent('The connection failed'));
    expect(within(card).getByRole('status')).toHaveTextContent('Groq refused the API key (401).');
  });

  it('shows a refused test (rate limit) in words', async () => {
    settingsServer({
      'POST /api/v1/ai/test-connection': () =>
        json(429, { detail: 'You can test the connection 10 times a minute.', code: 'rate_limited' }),
    });
    const { user } = renderApp('/settings');
    const card = await screen.findByRole('region', { name: 'AI provider' });
    await user.click(await within(card).findByRole('button', { name: 'Test connection' }));
    const alert = await within(card).findByRole('alert');
    expect(alert).toHaveTextContent('The test could not run');
    expect(alert).toHaveTextContent('You can test the connection 10 times a minute.');
  });

  it('says so when nothing is set up and AI features run offline', async () => {
    settingsServer({ 'GET /api/v1/ai/status': () => json(200, aiStatus()) });
    renderApp('/settings');
    const card = await screen.findByRole('region', { name: 'AI provider' });
    expect(await within(card).findByText(/No AI service is set up on this server/)).toBeInTheDocument();
    expect(within(card).getByText('AI features run offline: nothing is sent to an AI service.')).toBeInTheDocument();
    expect(within(card).queryByText(/What is sent to/)).not.toBeInTheDocument();
  });

  it('words the usage', () => {
    expect(usageText(aiStatus({ tokens_used_today: 12, daily_token_budget: 0 }))).toBe('12 tokens (no daily limit)');
  });
});
