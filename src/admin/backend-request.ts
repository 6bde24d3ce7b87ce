/** One path a request to decap-server names, with where in the request it is (for the refusal message). */
export interface NamedPath {
  /** Where it is, e.g. `params.entry.path`. */
  field: string;
  value: unknown;
}

/** What a request to decap-server's API asks for: the paths it reads or writes, or why it is refused outright. */
export type RequestPaths = { ok: true; action: string; paths: NamedPath[] } | { ok: false; problem: string };

// Every action decap-server's `fs` mode answers (decap-server 3.x, dist/index.js, localFsMiddleware),
// with every path, folder or list of them it reads or writes. The editorial-workflow actions
// (unpublishedEntries, …) exist only in its `git` mode, which Tidings never runs, so they are
// refused with any action this table does not know.
const ACTION_PATHS: Readonly<Record<string, (params: Record<string, unknown>) => NamedPath[]>> = {
  info: () => [],
  getDeployPreview: () => [],
  entriesByFolder: (params) => [at(params, "folder")],
  entriesByFiles: (params) => listOf(params, "files").map((file, index) => at(record(file), "path", `params.files[${index}]`)),
  getEntry: (params) => [at(params, "path")],
  persistEntry: (params) => [
    // decap-server writes `dataFiles`, or `entry` when there are none: both are judged.
    ...(params["entry"] === undefined ? [] : entryPaths(record(params["entry"]), "params.entry")),
    ...listOf(params, "dataFiles").flatMap((file, index) => entryPaths(record(file), `params.dataFiles[${index}]`)),
    ...listOf(params, "assets").map((asset, index) => at(record(asset), "path", `params.assets[${index}]`)),
  ],
  getMedia: (params) => [at(params, "mediaFolder")],
  getMediaFile: (params) => [at(params, "path")],
  persistMedia: (params) => [at(record(params["asset"]), "path", "params.asset")],
  deleteFile: (params) => [at(params, "path")],
  deleteFiles: (params) => listOf(params, "paths").map((value, index) => ({ field: `params.paths[${index}]`, value })),
};

/** The actions the editor backend passes on to decap-server. */
export const KNOWN_ACTIONS: readonly string[] = Object.keys(ACTION_PATHS);

/**
 * Every path a request body to decap-server's API reads or writes (pure): a request whose action is
 * not one decap-server's `fs` mode answers, or whose parts are not shaped as that action needs, is
 * refused, so nothing reaches decap-server unjudged.
 */
export function requestPaths(body: unknown): RequestPaths {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { ok: false, problem: "the request must be a JSON object with an `action`" };
  const { action, params } = body as { action?: unknown; params?: unknown };
  if (typeof action !== "string" || !Object.hasOwn(ACTION_PATHS, action)) {
    return { ok: false, problem: `unknown action ${JSON.stringify(action)}: the editor backend answers only ${KNOWN_ACTIONS.join(", ")}` };
  }
  try {
    const paths = ACTION_PATHS[action]?.(params === undefined ? {} : record(params)) ?? [];
    return { ok: true, action, paths };
  } catch (cause) {
    return { ok: false, problem: `${action}: ${cause instanceof Error ? cause.message : String(cause)}` };
  }
}

function entryPaths(entry: Record<string, unknown>, where: string): NamedPath[] {
  return [at(entry, "path", where), ...(entry["newPath"] === undefined ? [] : [at(entry, "newPath", where)])];
}

function at(container: Record<string, unknown>, key: string, where = "params"): NamedPath {
  return { field: `${where}.${key}`, value: container[key] };
}

// A list decap-server would read: absent is empty, anything but an array is refused.
function listOf(container: Record<string, unknown>, key: string): unknown[] {
  const value = container[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`\`params.${key}\` must be a list`);
  return value;
}

function record(value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("the request's parameters must be JSON objects");
  return value as Record<string, unknown>;
}
