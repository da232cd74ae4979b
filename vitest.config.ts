import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real PDFs through pdfjs and real child processes: generous, but no timed assertions.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
