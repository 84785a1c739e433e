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

type StatusNames = Pick<AIStatus, 'provider' | 'provider_label' | 'model'>;

export interface Producer {
  /** What the server recorded: "groq", "offline", "hybrid:groq" (the skills taxonomy plus a model), "manual". */
  provider: string | null | undefined;
  /** The model, when the server recorded it. */
  model?: string | null;
  /** "Written", "Found", "Feedback"… */
  verb: string;
  /** The words for work done offline; default "<verb> offline". */
  offline?: string;
  /** The words for "manual" (typed by the user); default: no note. */
  manual?: string;
}

/** A provider's name in words: the app's label, else the server's label when it is the configured one. */
export function providerLabel(name: string, status?: Pick<AIStatus, 'provider' | 'provider_label'>): string {
  return PROVIDER_LABELS[name] ?? (status?.provider === name ? status.provider_label : undefined) ?? name;
}

/**
 * Who produced a result, in words: "Written by Groq · llama-3.3-70b-versatile", "Written offline". Without a
 * recorded model, the model is named when the server is still configured with the provider that did the work.
 */
export function producedBy({ provider, model, verb, offline, manual }: Producer, status?: StatusNames): string | null {
  if (!provider) return null;
  if (provider === 'offline') return offline ?? `${verb} offline`;
  if (provider === 'manual') return manual ?? null;
  const name = provider.startsWith('hybrid:') ? provider.slice('hybrid:'.length) : provider;
  const shown = model ?? (status?.provider === name ? status.model : null);
  return `${verb} by ${providerLabel(name, status)}${shown && shown !== 'offline' ? ` · ${shown}` : ''}`;
}

/** The words for who found a list of skills (a job's, a resume's). */
export const SKILLS_NOTE = {
  verb: 'Found',
  offline: 'Found offline by the built-in skills taxonomy',
  manual: 'Skills as you entered them',
} as const;

/**
 * Before an action that sends the user's data: "Your resume and this posting are sent to Groq
 * (llama-3.3-70b-versatile)." With the offline provider, `offline` (nothing leaves the server).
 */
export function dataSentText(what: string, status: StatusNames & Pick<AIStatus, 'offline'>, offline: string, singular = false): string {
  if (status.offline) return offline;
  const model = status.model ? ` (${status.model})` : '';
  return `${what} ${singular ? 'is' : 'are'} sent to ${status.provider_label}${model}.`;
}
