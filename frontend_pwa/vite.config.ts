import { defineConfig } from 'vitest/config';
import { VitePWA } from 'vite-plugin-pwa';
import { uprightCatalogs } from './scripts/i18n-vite.mjs';

export default defineConfig({
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  plugins: [
    uprightCatalogs(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      includeManifestIcons: false,
      registerType: 'prompt',
      manifest: {
        name: 'Upright — home exercise',
        short_name: 'Upright',
        description: 'Your back exercise plan from your physiotherapist, with guided sessions and movement reminders.',
        lang: 'en',
        id: '/',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#f7f8f6',
        theme_color: '#0b5f63',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
        // Shown by install dialogs (Chromium's richer install UI).
        screenshots: [
          { src: '/screenshots/today-phone.png', sizes: '390x844', type: 'image/png', form_factor: 'narrow', label: "Today's exercises and your streak" },
          { src: '/screenshots/today-desktop.png', sizes: '1280x800', type: 'image/png', form_factor: 'wide', label: "Today's exercises and your streak" },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png}'],
        // Install-dialog pictures are not needed offline.
        globIgnores: ['screenshots/**'],
        rollupFormat: 'iife',
        // The SW's own notification texts, per language (src/lib/i18n-sw.ts).
        plugins: [uprightCatalogs()],
      },
      devOptions: { enabled: false },
    }),
  ],
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8000',
      '/admin': 'http://127.0.0.1:8000',
      '/static': 'http://127.0.0.1:8000',
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // Not a timing target: a test that switches language imports a catalogue, which the
    // Lingui plugin compiles on first use; on a loaded 2-core CI machine that alone took
    // more than vitest's default 5 s.
    testTimeout: 30_000,
  },
});
