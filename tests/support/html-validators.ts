import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { HtmlValidate, StaticConfigLoader, type ConfigData } from "html-validate";

const REPOSITORY = path.resolve(import.meta.dirname, "..", "..");
const VNU_JAR = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");

/** Every html-validate error in these files as `file:line:column rule: message`, under the repository's .htmlvalidate.mjs. */
export async function htmlValidateErrors(files: string[], base: string): Promise<string[]> {
  const { default: config } = (await import(pathToFileURL(path.join(REPOSITORY, ".htmlvalidate.mjs")).href)) as { default: ConfigData };
  const report = await new HtmlValidate(new StaticConfigLoader(config)).validateMultipleFiles(files);
  return report.results.flatMap((result) =>
    result.messages.map(
      (message) => `${path.relative(base, result.filePath)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
    ),
  );
}

/** Every error the Nu HTML Checker (vnu.jar, the W3C validator) finds in a folder's HTML files, as `file:line message`. */
export async function vnuErrors(folder: string): Promise<string[]> {
  const args = ["-jar", VNU_JAR, "--skip-non-html", "--errors-only", "--format", "json", "--exit-zero-always", folder];
  const { stdout, stderr } = await promisify(execFile)("java", args, { maxBuffer: 16 * 1024 * 1024 });
  const { messages } = JSON.parse(stderr || stdout) as {
    messages: { type: string; subType?: string; url?: string; lastLine?: number; message: string }[];
  };
  return messages
    .filter((message) => message.type === "error" || message.subType === "fatal")
    .map(
      (message) =>
        `${path.relative(folder, new URL(message.url ?? pathToFileURL(folder).href).pathname)}:${message.lastLine ?? "?"} ${message.message}`,
    );
}
