import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import formats from "ajv-formats";

// ajv-formats is CommonJS with a default export; under NodeNext its plugin is `.default`.
const addFormats = formats as unknown as typeof formats.default;

/** The JSON Feed 1.1 schema written from the specification (tests/schemas/json-feed-1.1.schema.json), compiled with RFC 3339 and URI formats. */
export function jsonFeedValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "schemas", "json-feed-1.1.schema.json"), "utf8")) as object;
  // strictRequired is off because the spec's "one of content_html or content_text" is written as anyOf: [{ required }].
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
