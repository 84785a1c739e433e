/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const backend = process.env.COPILOT_BACKEND_URL ?? 'http://127.0.0.1:8000';

// https://vite.dev/config/
export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false, ws: true },
      '/healthz': { target: backend, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: backend, changeOrigin: false, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks: app releases do not bust the library cache.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 4 },
            { name: 'mantine', test: /node_modules[\\/](@mantine[\\/](?!charts)|@floating-ui|react-number-format|react-remove-scroll|react-style-singleton|use-callback-ref|use-sidecar|tslib|clsx|type-fest)/, priority: 3 },
            // Charts load only with the Analytics page.
            { name: 'charts', test: /node_modules[\\/](@mantine[\\/]charts[\\/](?!styles)|recharts|victory-vendor|d3-|internmap|@reduxjs|redux|react-redux|immer|reselect|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant|use-sync-external-store)/, priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    restoreMocks: true,
    unstubGlobals: true,
    // Whole-app tests type into Mantine forms: an upper bound for a busy two-core machine, not an expected time.
    testTimeout: 60_000,
    // One worker per CPU (Vitest's default leaves one CPU idle), and test files share each worker's module graph
    // and DOM instead of re-importing React and Mantine per file: 43 files in ~80 s instead of ~240 s here. Every
    // test starts clean regardless: src/test/setup.ts unmounts, clears tokens, notifications and the fake socket.
    maxWorkers: availableParallelism(),
    isolate: false,
  },
});
