import type { Element, Root } from "hast";
import type { Options as Schema } from "rehype-sanitize";
import type { VFile } from "vfile";
import { report, quote } from "../report.ts";
import { isAllowedUrl, newsroomSchema } from "../sanitize-schema.ts";
import { SKIP, walk } from "../walk.ts";

/** Options for `rehypeReportUnsafe`. */
export interface RehypeReportUnsafeOptions {
  /** The schema rehype-sanitize will apply next (default: `newsroomSchema`). */
  schema?: Schema;
}

interface Refusal {
  reason: string;
  fix: string;
}

// Why each kind of element is refused and what to do instead, in the editor's terms.
const refusals = new Map<string, Refusal>();
refuse(
  "raw HTML scripts are not allowed in articles",
  "Delete it; ask the web team if the story needs an interactive feature.",
  "script",
  "noscript",
);
refuse(
  "styles come from the site design, not from articles",
  "Delete it; ask the design team if the article needs a new look.",
  "style",
  "link",
);
refuse(
  "embedded frames and plugins are not allowed in articles",
  "Link to the content instead, e.g. [Watch the video](https://…).",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "portal",
);
refuse(
  "forms are not allowed in articles",
  "Link to a form on another page instead.",
  "form",
  "input",
  "button",
  "select",
  "option",
  "textarea",
  "fieldset",
  "label",
  "datalist",
  "output",
);
refuse(
  "page-level elements are not allowed in articles",
  "Delete it; the page template provides these.",
  "base",
  "meta",
  "title",
  "head",
  "html",
  "body",
);
refuse(
  "inline SVG and MathML are not allowed in articles",
  "Use an image instead: ![What the chart shows](/images/chart.png).",
  "svg",
  "math",
);

// Properties that hold URLs but are not allowed at all; reported only when the URL is dangerous.
const otherUrlProperties = ["action", "background", "data", "formAction", "poster", "srcSet", "xLinkHref"];
const dangerousScheme = /(?:^|[\s,])[\u0000-\u0020]*(?:javascript|vbscript|data):/i;

/**
 * Warn about everything the sanitiser is about to remove that an editor would want to know
 * about: refused elements, event handlers, `style` attributes and unsafe link targets. It runs
 * just before rehype-sanitize on the same tree, so nothing is parsed twice; rehype-sanitize has
 * no reporting of its own.
 */
export function rehypeReportUnsafe(options: RehypeReportUnsafeOptions = {}) {
  const schema = options.schema ?? newsroomSchema;
  const allowed = new Set(schema.tagNames ?? []);
  const stripped = new Set(schema.strip ?? []);
  const protocols = schema.protocols ?? {};

  return function (tree: Root, file: VFile): undefined {
    walk(tree, (node) => {
      if (node.type !== "element") return undefined;
      if (!allowed.has(node.tagName)) {
        reportElement(file, node, stripped.has(node.tagName));
        // A stripped element's content is dropped too: nothing inside needs a report.
        return stripped.has(node.tagName) ? SKIP : undefined;
      }
      for (const [property, value] of Object.entries(node.properties)) {
        if (/^on./i.test(property)) {
          const attribute = property.toLowerCase();
          report(file, node, {
            severity: "warning",
            rule: "unsafe-html",
            message: `removed an ${attribute}= event handler from <${node.tagName}>: scripts are not allowed in articles`,
            fix: `Delete the ${attribute} attribute.`,
          });
        } else if (property === "style") {
          report(file, node, {
            severity: "warning",
            rule: "unsafe-html",
            message: `removed a style= attribute from <${node.tagName}>: styles come from the site design, not from articles`,
            fix: "Delete the style attribute; ask the design team if the article needs a new look.",
          });
        } else if (typeof value === "string") {
          const schemes = protocols[property];
          if (schemes ? !isAllowedUrl(value, schemes) : isDangerousUrl(property, value)) reportUrl(file, node, property, value);
        } else if (Array.isArray(value) && isDangerousUrl(property, value.join(" "))) {
          reportUrl(file, node, property, value.join(" "));
        }
      }
      return undefined;
    });
  };
}

function refuse(reason: string, fix: string, ...tagNames: string[]): void {
  for (const tagName of tagNames) refusals.set(tagName, { reason, fix });
}

/** True for a URL-holding property the schema drops anyway, when its value would run code. */
function isDangerousUrl(property: string, value: string): boolean {
  return otherUrlProperties.includes(property) && dangerousScheme.test(value);
}

function reportElement(file: VFile, node: Element, stripped: boolean): void {
  const refusal = refusals.get(node.tagName);
  // "an iframe", "an svg" (said "an S-V-G"), "a script".
  const article = /^(?:[aeiou]|svg)/.test(node.tagName) ? "an" : "a";
  if (refusal !== undefined) {
    report(file, node, {
      severity: "warning",
      rule: "unsafe-html",
      message: `removed ${article} <${node.tagName}> element: ${refusal.reason}`,
      fix: refusal.fix,
    });
    return;
  }
  report(file, node, {
    severity: "warning",
    rule: "unsupported-html",
    message: stripped
      ? `removed ${article} <${node.tagName}> element and its content: it is not in the list of HTML allowed in articles`
      : `removed the <${node.tagName}> tag but kept its content: it is not in the list of HTML allowed in articles`,
    fix: "Use Markdown for formatting, or only the HTML listed in the editors' guide.",
  });
}

function reportUrl(file: VFile, node: Element, property: string, url: string): void {
  const image = property === "src" || property === "srcSet";
  report(file, node, {
    severity: "warning",
    rule: "unsafe-link",
    message: image
      ? `removed the image source ${quote(url)} from <${node.tagName}>: image sources must be web addresses (http or https) or paths on this site`
      : `removed the link target ${quote(url)} from <${node.tagName}>: links must start with http://, https://, mailto: or tel:, or be a path on this site`,
    fix: image
      ? "Upload the image and use its address, e.g. ![What the photo shows](/images/photo.jpg)."
      : "Use a full web address such as https://example.org/page.",
  });
}
