import { defineConfig } from 'vite';

// COOP + COEP make the page cross-origin isolated: SharedArrayBuffer, hence multi-threaded wasm.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  // ES module workers can load the runtime as its own chunk (the default iife format cannot split).
  worker: { format: 'es' },
  build: { target: 'es2022' },
  server: { headers: isolation },
  preview: { headers: isolation },
});
