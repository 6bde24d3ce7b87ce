// One build of the site in the current folder, exactly as `npm run build` does it, printing what
// it did as JSON for the benchmark: pages, whether the output was kept, milliseconds per step and
// the peak memory of this process.
import { build } from "../src/build.ts";

const result = await build({ root: process.cwd() });
if (!result.ok) {
  process.stderr.write(`${JSON.stringify(result.diagnostics.slice(0, 5), null, 2)}\n`);
  process.exit(1);
}
// This process's own peak (worker threads included), apart from the search indexer's process.
const ownPeakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ pages: result.pages, rendered: result.rendered, unchanged: result.unchanged === true, timings: result.timings, ownPeakRssMb })}\n`);
