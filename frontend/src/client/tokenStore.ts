/**
 * In-memory access-token store. The access token never touches localStorage
 * or cookies; a page reload recovers it through the HttpOnly refresh cookie.
 */
type Listener = (token: string | null) => void;

let accessToken: string | null = null;
const listeners = new Set<Listener>();

export const tokenStore = {
  get(): string | null {
    return accessToken;
  },
  set(token: string | null): void {
    if (token === accessToken) return;
    accessToken = token;
    listeners.forEach((listener) => listener(token));
  },
  clear(): void {
    tokenStore.set(null);
  },
  /** Subscribe to token changes; returns an unsubscribe function. */
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};
