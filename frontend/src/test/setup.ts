import '@testing-library/jest-dom/vitest';
import { cleanNotifications } from '@mantine/notifications';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { tokenStore } from '../client';
import { installFakeWebSocket } from './fakeWebSocket';

// findBy* and waitFor poll until what they look for appears; this is how long they may keep trying. It is an upper
// bound, not a wait: a passing test moves on at once. On a machine whose CPUs are busy with other work a screen can
// take seconds to render, which the library's default of one second cannot absorb (`make test` beside
// `stress-ng --cpu 2` is how this is checked).
configure({ asyncUtilTimeout: 10_000 });

// jsdom lacks a few browser APIs Mantine relies on.
const { getComputedStyle } = window;
window.getComputedStyle = (element: Element) => getComputedStyle(element);
window.HTMLElement.prototype.scrollIntoView = () => {};

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

// Mantine's autosize Textarea listens for web fonts loading.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
  });
}

class ResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserver;

// A returning visitor: the server's readable session hint sits beside its HttpOnly refresh cookie, so the
// app tries the silent refresh on start (the fake server decides whether a session exists).
beforeEach(() => {
  document.cookie = 'copilot_session=1; Path=/';
  // No test reaches a real server: the signed-in shell's live updates get a socket the test drives.
  installFakeWebSocket();
});

// Test files share a worker's DOM and modules (vite.config.ts, isolate: false), so nothing a test changes may outlive it.
afterEach(() => {
  vi.useRealTimers();
  cleanup();
  cleanNotifications();
  tokenStore.clear();
});
