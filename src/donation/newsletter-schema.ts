import { z } from "zod";
import type { FieldHelp } from "../content/report-issues.ts";
import { isHttpUrl, text } from "../content/schemas.ts";

const httpsUrl = text.refine((value) => isHttpUrl(value) && value.startsWith("https://"), { message: "must be a web address starting with https://" });

/**
 * The newsletter signup block: a plain form posting the reader's email address to the
 * newsletter service (no script, nothing sent until the reader presses the button), and a link
 * to the RSS feed for RSS-to-email services. Resolved to the form's `action` and field name.
 */
export const newsletterSchema = z
  .strictObject({
    heading: text,
    text: text,
    button: text.optional(),
    provider: z.enum(["buttondown", "mailchimp", "custom"]),
    username: z.string().regex(/^[A-Za-z0-9_-]+$/, { message: "must be the Buttondown username, letters, digits, - and _" }).optional(),
    action: httpsUrl.optional(),
    field: z.string().regex(/^[A-Za-z0-9_[\]-]+$/, { message: "must be the name of the form's email field, such as email" }).optional(),
  })
  .superRefine((newsletter, context) => {
    const need = (field: "username" | "action", fix: string) => {
      if (newsletter[field] === undefined) context.addIssue({ code: "custom", path: [field], message: `is required with \`provider: ${newsletter.provider}\``, params: { fix, crossField: true } });
    };
    if (newsletter.provider === "buttondown") need("username", "Add `username: <your Buttondown username>`.");
    else need("action", "Add `action:` with the address the provider's own signup form posts to.");
    if (newsletter.provider === "mailchimp" && newsletter.action !== undefined && !/^https:\/\/[a-z0-9.-]+\.list-manage\.com\/subscribe\/post\?/.test(newsletter.action)) {
      context.addIssue({ code: "custom", path: ["action"], message: `must be the address of Mailchimp's embedded form, https://<account>.<dc>.list-manage.com/subscribe/post?u=…&id=…, got ${JSON.stringify(newsletter.action)}`, params: { fix: "Copy the form's `action` from Mailchimp: Audience → Signup forms → Embedded forms." } });
    }
  })
  .transform((newsletter) => ({
    heading: newsletter.heading,
    text: newsletter.text,
    button: newsletter.button,
    provider: newsletter.provider,
    // Buttondown's embed form and Mailchimp's embedded form, as each service documents them.
    action: newsletter.provider === "buttondown" ? `https://buttondown.com/api/emails/embed-subscribe/${newsletter.username ?? ""}` : (newsletter.action ?? ""),
    field: newsletter.field ?? (newsletter.provider === "mailchimp" ? "EMAIL" : "email"),
  }));

/** The validated newsletter block. */
export type NewsletterConfig = z.output<typeof newsletterSchema>;

/** Editor help for the newsletter fields. */
export const NEWSLETTER_HELP: Record<string, FieldHelp> = {
  newsletter: { expected: "the newsletter signup settings", example: "newsletter: { heading: …, text: …, provider: buttondown, username: lantern }" },
  "newsletter.heading": { expected: "a heading as text", example: "heading: The Lantern by email" },
  "newsletter.text": { expected: "a short paragraph", example: "text: The valley's news each weekday morning." },
  "newsletter.button": { expected: "the button text", example: "button: Sign up" },
  "newsletter.provider": { expected: "buttondown, mailchimp or custom", example: "provider: buttondown" },
  "newsletter.username": { expected: "the Buttondown username", example: "username: lantern" },
  "newsletter.action": { expected: "the address the signup form posts to", example: "action: https://lists.example.org/subscribe" },
  "newsletter.field": { expected: "the name of the email field", example: "field: email" },
};

/** Known newsletter field names. */
export const NEWSLETTER_FIELDS: readonly string[] = ["heading", "text", "button", "provider", "username", "action", "field"];
