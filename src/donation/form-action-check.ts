import { CONFIG_FILE } from "../content/config-file.ts";
import { warning, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { headersFor, parseHeadersFile } from "../core/headers-file.ts";

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

// An address of the kind the newsletter form is on (every article): the policies that apply to it
// are the ones the form meets. A rule for other pages (the web editor's /admin/*) is not.
const ARTICLE_PATH = "/2000/01/01/article/";

/**
 * A warning when `public/_headers` sends the site's articles, where the newsletter form is, a
 * policy that would stop readers' browsers from sending it to its service: the page would look
 * fine and the signup silently fail.
 */
export function checkNewsletterFormAction(headersFile: string | undefined, action: string | undefined): Diagnostic[] {
  if (headersFile === undefined || action === undefined) return [];
  const policies = headersFor(parseHeadersFile(headersFile), ARTICLE_PATH)
    .filter(([name]) => name.toLowerCase() === "content-security-policy")
    .map(([, value]) => value);
  if (policies.every((policy) => formActionAllows(policy, action))) return [];
  const origin = new URL(action).origin;
  return [
    warning("config/newsletter-csp", CONFIG_FILE, `the Content-Security-Policy in public/_headers does not let the newsletter form be sent to ${origin} (\`form-action\`), so readers' browsers would refuse to send it`, {
      field: "newsletter",
      fix: `Add ${origin} to \`form-action\` in public/_headers, e.g. \`form-action 'self' ${origin}\`.`,
    }),
  ];
}
