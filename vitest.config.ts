import { defineConfig } from "vitest/config";

/** Vitest settings: tests live in tests/ and mirror src/. */
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
