import { CONFIG_FILE } from "../config.ts";
import { warning, type Diagnostic } from "../diagnostics/diagnostic.ts";

/**
 * Whether a Content-Security-Policy's `form-action` lets a form be sent to `action`. A policy
 * without `form-action` allows any target (it has no fallback to `default-src`); sources are
 * matched the simple ways a newsroom writes them: `*`, a scheme (`https:`), or an origin with an
 * optional `*.` subdomain wildcard.
 */
export function formActionAllows(policy: string, action: string): boolean {
  const directive = policy
    .split(";")
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name?.toLowerCase() === "form-action");
  if (directive === undefined) return true;
  const target = new URL(action);
  return directive.slice(1).some((source) => {
    if (source === "*" || source === target.protocol) return true;
    const match = /^(https?:\/\/)(\*\.)?([^/:]+)(:\d+)?\/?$/i.exec(source);
    if (!match) return false;
    const [, scheme = "", wildcard, host = "", port = ""] = match;
    if (`${scheme}`.toLowerCase() !== `${target.protocol}//` || port !== (target.port ? `:${target.port}` : "")) return false;
    const hostname = target.hostname.toLowerCase();
    return wildcard ? hostname.endsWith(`.${host.toLowerCase()}`) : hostname === host.toLowerCase();
  });
}

/**
 * A warning when `public/_headers` sends a policy that would stop readers' browsers from sending
 * the newsletter form to its service: the page would look fine and the signup silently fail.
 */
export function checkNewsletterFormAction(headersFile: string | undefined, action: string | undefined): Diagnostic[] {
  if (headersFile === undefined || action === undefined) return [];
  const policies = [...headersFile.matchAll(/^\s*Content-Security-Policy:\s*(.+)$/gim)].map((match) => match[1] ?? "");
  if (policies.every((policy) => formActionAllows(policy, action))) return [];
  const origin = new URL(action).origin;
  return [
    warning("config/newsletter-csp", CONFIG_FILE, `the Content-Security-Policy in public/_headers does not let the newsletter form be sent to ${origin} (\`form-action\`), so readers' browsers would refuse to send it`, {
      field: "newsletter",
      fix: `Add ${origin} to \`form-action\` in public/_headers, e.g. \`form-action 'self' ${origin}\`.`,
    }),
  ];
}
