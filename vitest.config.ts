import { defineConfig } from "vitest/config";

// The quality gates and the reader's browser tests check one real build of the sample site
// (tests/support/sample-build.global.ts). They run after every other test, one file at a time,
// so Lighthouse measures performance on a machine that is doing nothing else.
const QUALITY = ["tests/quality/**/*.test.ts", "tests/browser/reader-*.test.ts"];

/** Vitest settings: tests live in tests/ and mirror src/; the quality gates form their own project, run last. */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Removes each test file's temporary folders once the file is done.
    setupFiles: ["tests/support/remove-temp-folders.setup.ts"],
    projects: [
      {
        extends: true,
        // One module graph per worker instead of per file: the suite imports the whole pipeline in
        // almost every file, and no test mocks modules, stubs globals or changes the environment.
        // Two files at a time even on two cores (Vitest's default is one fewer worker than cores):
        // most of a file's time is spent waiting on builds in other threads, git and Chromium.
        test: { name: "unit", include: ["tests/**/*.test.ts"], exclude: QUALITY, isolate: false, maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: "quality",
          include: QUALITY,
          globalSetup: ["tests/support/sample-build.global.ts"],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
