import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const fromWebRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** In development, serve the staff single-page app for every `/staff/...` route (Fastify does this in production). */
function staffHistoryFallback(): Plugin {
  return {
    name: 'staff-history-fallback',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        const pathname = request.url?.split('?')[0] ?? '';
        if (/^\/staff(\/[^.]*)?$/.test(pathname)) request.url = '/staff/index.html';
        next();
      });
    },
  };
}

export default defineConfig({
  root: fromWebRoot('.'),
  base: '/',
  plugins: [react(), staffHistoryFallback()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        citizen: fromWebRoot('./index.html'),
        staff: fromWebRoot('./staff/index.html'),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
