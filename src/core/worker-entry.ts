/**
 * The entry to start a worker thread on for the module `name` (without extension) beside the
 * module at `beside` (its `import.meta.url`). Bundled (dist/bundle/, what the CLI runs), that is
 * the plain JavaScript bundle of that name beside the starting module's bundle or chunk. From the
 * TypeScript sources (tests, `npm start`), tsx's command-line loader does not reach a worker's
 * entry file, so a one-line JavaScript entry registers tsx's API and imports the module. Made
 * only when a worker starts (some module runners, such as Vite's, lack import.meta.resolve).
 */
export function workerEntry(beside: string, name: string): URL {
  if (beside.endsWith(".js")) return new URL(`./${name}.js`, beside);
  const tsx = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const worker = JSON.stringify(new URL(`./${name}.ts`, beside).href);
  return new URL(`data:text/javascript,${encodeURIComponent(`import { register } from ${tsx}; register(); await import(${worker});`)}`);
}
