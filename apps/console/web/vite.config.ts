import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The console's web application: built into dist/console-web, which the console's server serves on 127.0.0.1:8082. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  // JSX through Vite's own transform (React 17+ automatic runtime): no Babel, no plugin.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../../dist/console-web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2048,
    reportCompressedSize: false,
    rolldownOptions: {
      // Ant Design marks its modules "use client" for React Server Components, which a single-page application does not use.
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
    },
  },
  logLevel: 'warn',
});
