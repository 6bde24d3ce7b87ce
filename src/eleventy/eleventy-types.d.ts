// Eleventy 3 ships JavaScript without type declarations; these name the parts Tidings uses.
declare module "@11ty/eleventy" {
  interface EleventyRunOptions {
    configPath?: string | false;
    quietMode?: boolean;
    runMode?: "build" | "watch" | "serve";
    pathPrefix?: string | undefined;
    config?: (eleventyConfig: never) => unknown;
  }
  export default class Eleventy {
    constructor(input: string, output: string, options?: EleventyRunOptions);
    init(): Promise<void>;
    write(): Promise<unknown>;
    toJSON(): Promise<{ url: string; inputPath: string; outputPath: string; content: string }[]>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
    /** The dev server wrapper (internal in Eleventy 3.1, but stable): `reload` tells browsers to reload. */
    eleventyServe?: { reload(event: { files: string[]; build: { templates: unknown[] } }): Promise<void> };
    disableLogger(): void;
    setIsVerbose(verbose: boolean): void;
  }
}

// Nunjucks (Eleventy's template language) ships JavaScript without type declarations; these name the part Tidings uses.
declare module "nunjucks" {
  /** The Nunjucks environment Eleventy sets up: its loader, filters and options (opaque to Tidings). */
  export interface Environment {
    readonly opts: object;
  }
  const nunjucks: {
    lib: {
      /** HTML-escape a value as autoescaping does (`&`, `"`, `'`, `<`, `>`). */
      escape(value: string): string;
    };
    runtime: {
      /** A string the template prints as it is: what `| safe` gives, and what a filter returns for HTML. */
      SafeString: new (value: string) => { toString(): string; val: string };
    };
    /** A template compiled from text in an environment (compiled on its first render unless `eagerCompile`). */
    Template: new (
      text: string,
      environment: Environment | undefined,
      path: string,
      eagerCompile: boolean,
    ) => { render(context: object, done: (error: Error | null, html: string | null) => void): void };
  };
  export default nunjucks;
}
