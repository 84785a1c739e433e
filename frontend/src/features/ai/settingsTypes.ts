/**
 * TEMPORARY: the AI provider settings API (GET/PUT /ai/settings, POST /ai/settings/test, the new AI status
 * fields) as local types, until the regenerated schema.d.ts has them. Then these become re-exports from
 * client/types.ts and `settingsApi` becomes `api`.
 */
import type { Client } from 'openapi-fetch';
import { api } from '../../client';
import type { AIStatus as GeneratedAIStatus } from '../../client/types';

export interface ProviderOption {
  name: string;
  label: string;
  default_model: string | null;
  base_url: string | null;
  needs_key: boolean;
  docs: string;
}

export interface AIAuditEntry {
  at: string;
  actor: string | null;
  summary: string;
}

export type KeyStatus = 'set' | 'missing' | 'unreadable';

export interface AIProviderSettingsRead {
  provider: string;
  model: string | null;
  base_url: string | null;
  key_status: KeyStatus;
  daily_token_budget: number;
  environment_overrides: string[];
  providers: ProviderOption[];
  updated_at: string | null;
  updated_by: string | null;
  changes: AIAuditEntry[];
}

export interface AIProviderSettingsUpdate {
  provider: string;
  model: string | null;
  base_url: string | null;
  /** null: keep the stored key; '': remove it. */
  api_key: string | null;
  daily_token_budget: number;
}

export interface ProviderTestResult {
  ok: boolean;
  message: string;
  host: string | null;
  latency_ms: number | null;
  models: string[];
  structured_output_ok: boolean | null;
}

export type AIStatus = GeneratedAIStatus & {
  source: 'environment' | 'settings' | 'default';
  data_sent: string[];
  can_configure: boolean;
};

type Json<T> = { headers: Record<string, unknown>; content: { 'application/json': T } };
type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
interface Operation<Body, Result> {
  parameters: NoParams;
  requestBody: Body extends never ? never : { content: { 'application/json': Body } };
  responses: { 200: Json<Result> };
}
interface LocalPaths {
  '/api/v1/ai/settings': {
    parameters: NoParams;
    get: { parameters: NoParams; requestBody?: never; responses: { 200: Json<AIProviderSettingsRead> } };
    put: Operation<AIProviderSettingsUpdate, AIProviderSettingsRead>;
  };
  '/api/v1/ai/settings/test': {
    parameters: NoParams;
    post: Operation<AIProviderSettingsUpdate, ProviderTestResult>;
  };
}

/** The app's client (same middleware), typed for the paths the generated schema does not list yet. */
export const settingsApi = api as unknown as Client<LocalPaths>;
