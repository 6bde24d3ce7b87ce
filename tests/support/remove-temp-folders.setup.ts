import { afterAll } from "vitest";
import { removeTempFolders } from "./temp-folder.ts";

// A setup file runs for every test file, even with one module graph per worker (`isolate: false`),
// where a hook registered by a shared module would be registered for the first test file only.
afterAll(removeTempFolders);
