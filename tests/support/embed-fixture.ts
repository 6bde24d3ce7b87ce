import { cpSync } from "node:fs";
import path from "node:path";
import { copyFixture, writeFiles } from "./fixture-site.ts";

/** The repository, whose public/ (stylesheet, _headers) the embed fixtures publish. */
const REPOSITORY = path.resolve(import.meta.dirname, "..", "..");

/** 27 November 2026, noon UTC: after the embeds article. */
export const EMBEDS_NOW = Date.UTC(2026, 10, 27, 12);

/** The embeds article's address in the fixture. */
export const EMBEDS_PAGE = "/2026/11/26/embeds/";

/** One embed of every provider, in both forms, as an editor writes them. */
export const EVERY_PROVIDER = `Opening paragraph.

https://www.youtube.com/watch?v=aqz-KE-bpKQ

[The council vote](https://vimeo.com/76979871)

::embed{url="https://datawrapper.dwcdn.net/Xk3Lm/2/" title="Funding by source" ratio="1:1"}

::embed{url="https://public.flourish.studio/visualisation/16234501/" title="River levels"}

::embed{url="https://www.documentcloud.org/documents/24512345-planning-statement" title="Planning statement"}

::embed{url="https://soundcloud.com/lantern/meeting" title="The meeting"}

::embed{url="https://www.openstreetmap.org/#map=16/51.5072/-0.1276" title="The route"}

https://x.com/MillbrookEA/status/1861234567890123456

https://www.instagram.com/p/DCx1AbCdEfG/

::embed{url="https://bsky.app/profile/council.bsky.social/post/3lbq2xyzabc12" text="Work starts in spring."}

https://mastodon.social/@river/113456789012345678

A link in a sentence stays a link: https://youtu.be/aqz-KE-bpKQ.
`;

/** The newsroom fixture with the repository's public/ and one article of `body`, in a fresh folder. */
export function embedsFixture(body = EVERY_PROVIDER): string {
  const root = copyFixture("newsroom");
  cpSync(path.join(REPOSITORY, "public"), path.join(root, "public"), { recursive: true });
  writeFiles(root, {
    "content/articles/2026/embeds.md": `---\ntitle: Every embed\ndate: 2026-11-26 10:00\nbyline: Priya Raman\n---\n${body}`,
  });
  return root;
}
