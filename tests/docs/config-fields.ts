import type { z } from "zod";

/** One field of a config schema: its dotted path, and what the schema says about it. */
export interface ConfigField {
  /** `images.provider`; a list's items share their list's path (`sections.name`). */
  path: string;
  /** True when the field must be written (within its parent, when the parent is given). */
  required: boolean;
  /** The default the schema fills in, when it has one. */
  default?: unknown;
  /** The values an enum or literal field takes (a discriminated union's tags gathered). */
  values?: readonly string[];
}

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(["optional", "nullable", "readonly", "nonoptional", "catch", "prefault", "default"]);
const OPTIONAL = new Set(["optional", "default", "prefault", "catch"]);

/** The schema a config file's value is checked against: a transform's input, without wrappers. */
function unwrap(node: unknown): { def: Def; optional: boolean; default?: unknown } {
  let def = defOf(node);
  let optional = false;
  let fallback: { value: unknown } | undefined;
  for (;;) {
    if (WRAPPERS.has(def.type)) {
      if (OPTIONAL.has(def.type)) optional = true;
      if (def.type === "default" && fallback === undefined) fallback = { value: structuredClone(def["defaultValue"]) };
      def = defOf(def["innerType"]);
    } else if (def.type === "pipe") {
      def = defOf(defOf(def["in"]).type === "transform" ? def["out"] : def["in"]);
    } else if (def.type === "array") {
      def = defOf(def["element"]);
    } else {
      return fallback ? { def, optional, default: fallback.value } : { def, optional };
    }
  }
}

/**
 * Every field path of a zod 4 object schema, found by walking `_zod.def` through objects,
 * optionals, defaults, pipes (transforms), arrays and unions. Records stop the walk: their keys
 * are the user's (article types, the editor backend's settings, Stripe's links by tier).
 */
export function configFields(schema: z.ZodType): ConfigField[] {
  const fields = new Map<string, ConfigField>();
  const visit = (def: Def, path: string, field: ConfigField | undefined): void => {
    if (def.type === "union") {
      const options = (def["options"] as unknown[]).map((option) => unwrap(option).def);
      const objects = options.filter((option) => option.type === "object");
      for (const option of options) visit(option, path, field);
      // A field that only some options have (one payment provider's settings) is not required as such.
      const everywhere = objects.map((option) => new Set(Object.keys(option["shape"] as object)));
      for (const keys of everywhere) {
        for (const key of keys) {
          if (everywhere.some((other) => !other.has(key))) fields.get(path === "" ? key : `${path}.${key}`)!.required = false;
        }
      }
    } else if (def.type === "object") {
      for (const [key, child] of Object.entries(def["shape"] as Record<string, unknown>)) {
        const childPath = path === "" ? key : `${path}.${key}`;
        const { def: childDef, optional, default: fallback } = unwrap(child);
        const existing = fields.get(childPath);
        const entry: ConfigField = existing ?? { path: childPath, required: !optional };
        if (existing && optional) entry.required = false;
        if (fallback !== undefined && !("default" in entry)) entry.default = fallback;
        fields.set(childPath, entry);
        visit(childDef, childPath, entry);
      }
    } else if (def.type === "enum" && field) {
      field.values = [...new Set([...(field.values ?? []), ...Object.values(def["entries"] as Record<string, string>)])];
    } else if (def.type === "literal" && field) {
      field.values = [...new Set([...(field.values ?? []), ...(def["values"] as unknown[]).map(String)])];
    }
    // Anything else is a leaf: text, number, boolean, record, transform …
  };
  visit(unwrap(schema).def, "", undefined);
  return [...fields.values()];
}

/** A default as the configuration reference writes it: YAML flow style (`[avif, webp, jpeg]`, `local`, `10`). */
export function flowYaml(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flowYaml).join(", ")}]`;
  if (value !== null && typeof value === "object")
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${key}: ${flowYaml(item)}`)
      .join(", ")} }`;
  return String(value);
}
