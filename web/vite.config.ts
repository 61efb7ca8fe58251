/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The ASP.NET server (src/OcopFairs.Server) serves the built files from web/dist
// with an SPA fallback; in development Vite proxies the API to it.
const server = process.env.OCOP_SERVER_URL ?? 'http://localhost:5080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/hubs': { target: server, ws: true, changeOrigin: false },
      '/health': { target: server, changeOrigin: false },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
