import type { AIStatus } from '../../client/types';

/** How the server names its providers (LLM_PROVIDER), for notes about results it produced. */
export const PROVIDER_LABELS: Record<string, string> = {
  offline: 'Offline (no AI service)',
  groq: 'Groq',
  nim: 'NVIDIA NIM',
  openai: 'OpenAI',
  ollama: 'Ollama',
  custom: 'an OpenAI-compatible server',
};

/**
 * Who found a list of skills, in words. `provider` is what the server recorded: "offline" (the built-in
 * skills taxonomy), "hybrid:<provider>" (the taxonomy plus a model), "manual" (typed by the user). The model
 * is named when the server is still configured with the provider that did the work.
 */
export function providerNote(
  provider: string | null | undefined,
  status?: Pick<AIStatus, 'provider' | 'provider_label' | 'model'>,
): string | null {
  if (!provider) return null;
  if (provider === 'offline') return 'Found offline by the built-in skills taxonomy';
  if (provider === 'manual') return 'Skills as you entered them';
  const name = provider.startsWith('hybrid:') ? provider.slice('hybrid:'.length) : provider;
  const same = status?.provider === name;
  const label = PROVIDER_LABELS[name] ?? (same ? status?.provider_label : undefined) ?? name;
  const model = same && status?.model ? ` (${status.model})` : '';
  return `Found with ${label}${model}`;
}
