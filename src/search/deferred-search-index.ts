/** How long the preview waits after a rebuild before indexing, so that a quick next save is not slowed by it. */
export const PREVIEW_INDEX_DELAY_MS = 3000;

/**
 * The preview's search index, written once saves have paused rather than after every rebuild.
 * Indexing every article page takes seconds on both cores; done after each rebuild, it held up the
 * next save's page (the editor's next fix) and Eleventy's next rebuild behind it. Runs never
 * overlap: Pagefind keeps one process per Node process.
 */
export class DeferredSearchIndex {
  readonly #delayMs: number;
  readonly #write: (siteDir: string) => Promise<unknown>;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #waiting: string | undefined;

  /** An index of the preview written by `write` `delayMs` after the last request. */
  constructor(delayMs: number, write: (siteDir: string) => Promise<unknown>) {
    this.#delayMs = delayMs;
    this.#write = write;
  }

  /** Index `siteDir` once nothing has been requested or postponed for the delay. */
  request(siteDir: string): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#start(siteDir), this.#delayMs);
  }

  /** A rebuild has started: a pending write waits until it has finished and asks again. */
  postpone(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Resolves when no write is pending or running (for tests and shutdown). */
  async settled(): Promise<void> {
    while (this.#running || this.#timer) await (this.#running ?? new Promise((resolve) => setTimeout(resolve, 10)));
  }

  #start(siteDir: string): void {
    this.#timer = undefined;
    if (this.#running) {
      this.#waiting = siteDir;
      return;
    }
    // A failed index leaves the previous one; the next rebuild tries again.
    this.#running = this.#write(siteDir)
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        this.#running = undefined;
        const waiting = this.#waiting;
        this.#waiting = undefined;
        if (waiting !== undefined) this.#start(waiting);
      });
  }
}
