// @11ty/eleventy-img 6 ships JavaScript without type declarations; these name the parts Tidings uses.
declare module "@11ty/eleventy-img" {
  /** One encoded file, as eleventy-img reports it. */
  export interface EleventyImageStat {
    format: string;
    width: number;
    height: number;
    /** Absolute (or cwd-relative) path of the written file. */
    outputPath: string;
    size: number;
  }
  /** Options Tidings passes; eleventy-img accepts many more. */
  export interface EleventyImageOptions {
    widths: (number | "auto")[];
    formats: string[];
    outputDir: string;
    urlPath: string;
    useCache: boolean;
    /** Which automatic format changes to make ("transparent", "animated"); [] for none. */
    formatFiltering?: string[];
    /** Options for sharp's constructor (reading the source). */
    sharpOptions?: Record<string, unknown>;
    sharpAvifOptions?: Record<string, unknown>;
    sharpWebpOptions?: Record<string, unknown>;
    sharpJpegOptions?: Record<string, unknown>;
    sharpPngOptions?: Record<string, unknown>;
  }
  /** Encode `src` at every width in every format; resolves to the files written, by format, narrowest first. */
  export default function eleventyImage(src: string, options: EleventyImageOptions): Promise<Record<string, EleventyImageStat[]>>;
}
