import '@testing-library/jest-dom/vitest';
import { cleanNotifications } from '@mantine/notifications';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { tokenStore } from '../client';
import { installFakeWebSocket } from './fakeWebSocket';

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

afterEach(() => {
  cleanup();
  cleanNotifications();
  tokenStore.clear();
});
