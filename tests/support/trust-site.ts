import { readFileSync } from "node:fs";
import path from "node:path";
import { copyFixture, writeFiles } from "./fixture-site.ts";

/** Every policy the Trust Project names, as the fixture newsroom publishes them: its own pages, sections of them, and one elsewhere. */
export const STANDARDS = {
  publishingPrinciples: "/standards/",
  correctionsPolicy: "/corrections-policy/",
  ethicsPolicy: "/standards/#ethics",
  verificationFactCheckingPolicy: "/standards/#checking-the-facts",
  unnamedSourcesPolicy: "/standards/#unnamed-sources",
  diversityPolicy: "https://group.example.com/diversity",
  ownershipFundingInfo: "/about/#funding",
  masthead: "/masthead/",
  actionableFeedbackPolicy: "/about/#contact",
};

/** The newsroom fixture with its standards: the pages they name and a `standards` group in the config, each policy on its own line. */
export function newsroomWithStandards(extraStandards = ""): string {
  const root = copyFixture("newsroom");
  const config = readFileSync(path.join(root, "tidings.config.yml"), "utf8");
  const standards = Object.entries(STANDARDS)
    .map(([policy, address]) => `  ${policy}: "${address}"\n`)
    .join("");
  writeFiles(root, {
    "tidings.config.yml": `${config}standards:\n${standards}${extraStandards}`,
    "content/pages/standards.md":
      "---\ntitle: Our standards\n---\n## Checking the facts\n\nTwice.\n\n## Unnamed sources\n\nRarely.\n\n## Ethics\n\nAlways.\n",
    "content/pages/corrections-policy.md": "---\ntitle: Corrections policy\n---\nWe correct openly.\n",
    "content/pages/masthead.md": "---\ntitle: Who we are\n---\nPriya and the desk.\n",
    "content/pages/about.md":
      "---\ntitle: About the Gazette\n---\nWe are a fixture.\n\n## Funding\n\nReaders.\n\n## Contact\n\nWrite to us.\n",
  });
  return root;
}
