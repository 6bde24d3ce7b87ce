import { describe, expect, it } from "vitest";
import { ContentCache } from "../../src/cache/content-cache.ts";
import type { RawEntry } from "../../src/content/load-files.ts";
import { entryValidator, validateEntries } from "../../src/content/validate-entry.ts";
import { MIN_JOBS_FOR_WORKERS, renderAll, renderInParallel, startRenderWorkers, validateInParallel, type RenderedContent, type WorkerAnswer } from "../../src/render/render-all.ts";
import { packJobs, packTexts } from "../../src/render/packed-jobs.ts";
import { renderJob, type RenderContext, type RenderedJob, type RenderJob } from "../../src/render/render-job.ts";

const context: RenderContext = {
  siteHosts: ["news.example.org"],
  pathPrefix: "/",
  addresses: new Map([["content/articles/2026/story-1.md", "/2026/11/01/story-1/"]]),
  resolverKey: "test",
};

const jobs: RenderJob[] = Array.from({ length: 40 }, (_, index) => ({
  body: `Paragraph ${index} with a [link](https://other.example/${index}) and [another story](story-1.md).\n\n## Heading ${index}\n\n![A photo](images/photo-${index}.jpg)\n`,
  file: `content/articles/2026/story-${index}.md`,
  bodyLine: 5 + (index % 3),
  context,
}));

describe("renderInParallel", () => {
  it("gives the same results, in the same order, as rendering one by one", () => {
    expect(renderInParallel(packJobs(jobs), startRenderWorkers(1))).toEqual(jobs.map(renderJob));
  });

  it("renders on workers started before the jobs were known", async () => {
    const workers = startRenderWorkers(1);
    // Let the worker finish loading the pipeline first, as it does while the build validates front matter.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const many = Array.from({ length: 2 * MIN_JOBS_FOR_WORKERS }, (_, index) => jobs[index % jobs.length] as RenderJob);
    expect(asJobs(renderAll(many, { threads: 2, workers }))).toEqual(many.map(renderJob));
    // The worker took its share (its bodies read from the shared memory they were packed into).
    expect(workers.received).toBeGreaterThan(0);
  });

  it("renders on the main thread a body that shared memory could not carry as it is", async () => {
    const workers = startRenderWorkers(1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const odd = (job: RenderJob): RenderJob => ({ ...job, body: `${job.body}A stray half of a pair: \ud83c.\n` });
    const many = Array.from({ length: 2 * MIN_JOBS_FOR_WORKERS }, (_, index) => (index % 2 === 0 ? odd : (job: RenderJob) => job)(jobs[index % jobs.length] as RenderJob));
    expect(asJobs(renderAll(many, { threads: 2, workers }))).toEqual(many.map(renderJob));
    expect(workers.received).toBeGreaterThan(0);
  });

  it("renders long reads on the main thread, in their place among the others, and reports progress over all", () => {
    const long: RenderJob = { ...(jobs[0] as RenderJob), body: "A long paragraph of a court transcript, said the witness. ".repeat(10_000), file: "content/articles/2026/transcript.md" };
    const many = Array.from({ length: MIN_JOBS_FOR_WORKERS + 1 }, (_, index) => (index === 7 ? long : (jobs[index % jobs.length] as RenderJob)));
    const progress: number[][] = [];
    expect(asJobs(renderAll(many, { threads: 2, onProgress: (done, total) => progress.push([done, total]) }))).toEqual(many.map(renderJob));
    expect(progress.at(-1)).toEqual([many.length, many.length]);
  });
});

describe("renderAll", () => {
  it("renders what the cache lacks, stores it, and reuses it on the next run", () => {
    const cache = new ContentCache("code");
    const first = renderAll(jobs, { cache, threads: 1 });
    expect(asJobs(first)).toEqual(jobs.map(renderJob));
    // Each body's facts, and its HTML apart (deferred).
    expect(cache.size).toBe(2 * jobs.length);
    const next = ContentCache.fromBytes(cache.toBytes(), "code");
    expect(asJobs(renderAll(jobs, { cache: next, threads: 1 }))).toEqual(asJobs(first));
    expect(next.changed).toBe(false);
  });

  it("re-renders only the bodies whose linked articles moved, and none when an article is added", () => {
    const cache = new ContentCache("code");
    const first = renderAll(jobs, { cache, threads: 1 });
    expect(first[0]?.html.parts()[0]).toContain('href="/2026/11/01/story-1/"');

    const added = { ...context, addresses: new Map([...context.addresses, ["content/articles/2026/new.md", "/2026/11/27/new/"]]) };
    const stored = ContentCache.fromBytes(cache.toBytes(), "code");
    const afterAdding = renderAll(
      jobs.map((job) => ({ ...job, context: added })),
      { cache: stored, threads: 1 },
    );
    // What the cache held: nothing was rendered again.
    expect(stored.changed).toBe(false);
    expect(asJobs(afterAdding)).toEqual(asJobs(first));

    const moved = { ...context, addresses: new Map([["content/articles/2026/story-1.md", "/2026/11/02/story-1/"]]) };
    const afterMoving = renderAll(
      jobs.map((job) => ({ ...job, context: moved })),
      { cache, threads: 1 },
    );
    // Every job links to story-1.md; one that did not would be reused, as the addition showed.
    afterMoving.forEach((body, index) => {
      expect(body.html.key).not.toBe(first[index]?.html.key);
      expect(body.html.parts()[0]).toContain('href="/2026/11/02/story-1/"');
    });
  });

  it("re-renders a body whose link led nowhere once the article it names exists", () => {
    const cache = new ContentCache("code");
    const job: RenderJob = { body: "See [the new story](new.md).\n", file: "content/articles/2026/story-0.md", bodyLine: 5, context };
    expect(renderAll([job], { cache, threads: 1 })[0]?.html.parts()[0]).toContain('href="new.md"');
    const added = { ...context, addresses: new Map([...context.addresses, ["content/articles/2026/new.md", "/2026/11/27/new/"]]) };
    expect(renderAll([{ ...job, context: added }], { cache, threads: 1 })[0]?.html.parts()[0]).toContain('href="/2026/11/27/new/"');
  });
});

describe("validateInParallel", () => {
  const options = { timeZone: "Europe/London", types: ["news", "analysis"] };
  // Valid and invalid articles, an author, a draft with problems, CRLF line ends and a byte-order
  // mark (whose bodies are not the end of the file's text), and a front matter that is not YAML.
  const entry = (index: number): RawEntry => {
    const file = `content/articles/2026/story-${index}.md`;
    const kind = index % 11 === 0 ? "author" : "article";
    const sources = [
      `---\ntitle: "Story ${index} “quoted”"\ndate: 2026-03-0${(index % 9) + 1}\nbyline: [Ann Reporter]\ntags: [Flood, Council]\n---\nBody of story ${index}.\n`,
      `---\ntitle: Story ${index}\ndate: not a date\n---\nA body.\n`,
      `---\r\ntitle: Story ${index}\r\ndate: 2026-03-01\r\nbyline: Ann\r\n---\r\nA body with CRLF.\r\n`,
      `\uFEFF---\ntitle: Story ${index}\ndate: 2026-03-01\nbyline: Ann\n---\nAfter a mark.\n`,
      `---\ndraft: true\ntitle: 12\n---\nA draft.\n`,
      `---js\nmodule.exports = {}\n---\nNo.\n`,
    ];
    const source = kind === "author" ? `---\nname: Author ${index}\n---\nA bio.\n` : (sources[index % sources.length] as string);
    return { kind, file: kind === "author" ? `content/authors/author-${index}.md` : file, absolutePath: `/site/${file}`, source, digest: `digest-${index}` };
  };
  const entries = Array.from({ length: 300 }, (_, index) => entry(index));

  it("validates on a worker exactly as on this thread", async () => {
    // The batch as validateInParallel posts it, with this thread claiming nothing: every entry is
    // the worker's, however long it takes to start (how much it takes when this thread claims too
    // depends on timing, so that is not what this test pins).
    const workers = startRenderWorkers(1);
    const state = new Int32Array(new SharedArrayBuffer(8));
    const texts = packTexts(entries.map((each) => each.source ?? ""));
    workers.post({ validate: { texts, entries: entries.map(({ source: _source, ...rest }) => rest), options }, state });
    const answers: WorkerAnswer[] = [];
    try {
      while (answers.length < entries.length) {
        answers.push(...workers.messages());
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      workers.stop();
    }
    expect(answers.every((answer) => answer.batch === "validate" && answer.error === undefined)).toBe(true);
    const byIndex = [...answers].sort((a, b) => a.index - b.index).map((answer) => answer.value);
    expect(byIndex).toEqual(entries.map(entryValidator(options)));
  }, 60_000);

  it("finds what validating on one thread finds, in the same order, with the workers started", async () => {
    const workers = startRenderWorkers(1);
    // As in a build: the worker has loaded the pipeline while the files were read.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    try {
      const parallel = validateEntries(entries, options, undefined, (pending) => validateInParallel(pending, options, workers));
      expect(parallel).toEqual(validateEntries(entries, options));
      expect(parallel.diagnostics.length).toBeGreaterThan(0);
      expect(parallel.articles.length).toBeGreaterThan(0);
    } finally {
      workers.stop();
    }
  });

  it("validates here a long read and a text shared memory could not carry as it is, in their places", async () => {
    const workers = startRenderWorkers(1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // A valid article (index 12: the first of the sources, not an author).
    const valid = entry(12);
    const long: RawEntry = { ...valid, file: "content/articles/2026/transcript.md", source: `${valid.source}${"A long paragraph of a transcript. ".repeat(20_000)}` };
    const odd: RawEntry = { ...valid, file: "content/articles/2026/odd.md", source: `${valid.source}A stray half of a pair: \ud83c.\n` };
    const mixed = [...entries.slice(0, 100), long, ...entries.slice(100, 200), odd, ...entries.slice(200)];
    try {
      const parallel = validateEntries(mixed, options, undefined, (pending) => validateInParallel(pending, options, workers));
      expect(parallel).toEqual(validateEntries(mixed, options));
      expect(parallel.articles.find((article) => article.file === "content/articles/2026/odd.md")?.body).toContain("\ud83c");
    } finally {
      workers.stop();
    }
  });

  it("then renders on the same workers", async () => {
    const workers = startRenderWorkers(1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    validateEntries(entries, options, undefined, (pending) => validateInParallel(pending, options, workers));
    const before = workers.received;
    const many = Array.from({ length: 2 * MIN_JOBS_FOR_WORKERS }, (_, index) => jobs[index % jobs.length] as RenderJob);
    expect(asJobs(renderAll(many, { threads: 2, workers }))).toEqual(many.map(renderJob));
    expect(workers.received).toBeGreaterThan(before);
  });
});

// renderAll's results as renderJob gives them: the HTML read, the facts apart.
function asJobs(contents: readonly RenderedContent[]): RenderedJob[] {
  return contents.map(({ html: { parts, ...facts }, ...rest }) => ({ ...rest, parts: parts(), facts }));
}
