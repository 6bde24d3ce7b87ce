import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { askAnswers } from "../../src/setup-prompts.ts";
import { defaultAnswers } from "../../src/setup/answers.ts";

// The keys a person presses, as a terminal sends them.
const ENTER = "\r";
const DOWN = "\u001b[B";
const CLEAR_LINE = "\u0015";

/** A terminal in memory: what the prompts draw, and a way to type once a question is on screen. */
function terminal() {
  const input = new PassThrough();
  let screen = "";
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      screen += chunk.toString();
      done();
    },
  });
  // Escape sequences (colours, cursor moves) left out, so the test reads what a person reads.
  const shown = () => screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "");
  const seen = new Set<string>();
  /** Wait for `question` to be drawn (a new occurrence of it), then type `keys`, one at a time. */
  async function answer(question: string, ...keys: string[]): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!shown().includes(question) || seen.has(`${question}@${shown().lastIndexOf(question)}`)) {
      if (Date.now() > deadline) throw new Error(`"${question}" was never asked; the screen shows:\n${shown()}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    seen.add(`${question}@${shown().lastIndexOf(question)}`);
    for (const key of keys) {
      input.write(key);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  return { input, output, shown, answer };
}

describe("setup's questions in the terminal", () => {
  it("asks every answer in turn, shows check's message for a wrong one, and takes it corrected", async () => {
    const { input, output, shown, answer } = terminal();
    const defaults = defaultAnswers({ locale: "en-GB", timeZone: "Europe/London", gitName: "Ada Reporter" }, "News", "The editor");
    const asked = askAnswers({ given: {}, defaults, input, output });

    await answer("The newsroom's name", ..."The Harbour Courier", ENTER);
    // A wrong address: the same words as `check`, and the question stays until it is right.
    await answer("The address the site will have", ..."harbourcourier", ENTER);
    await answer('"harbourcourier" — Write it like `url: https://news.example.org`.', CLEAR_LINE, ..."https://harbourcourier.news", ENTER);
    await answer("Its language", ..."fr", ENTER);
    await answer("Its time zone", ENTER);
    // The currency follows the language chosen: Enter takes EUR.
    await answer("The currency readers give in", ENTER);
    // How readers give: PayPal is the second choice.
    await answer("How readers give", DOWN, ENTER);
    await answer("PayPal account's email address", ..."dons@harbourcourier.news", ENTER);
    await answer("A newsletter signup", DOWN, ENTER);
    await answer("Your Buttondown username", ..."harbour", ENTER);
    await answer("The sections it starts with", ..."Actualités, Sport", ENTER);
    await answer("The first author's name", ENTER);
    await answer("Replace the sample newsroom", ENTER);

    expect(await asked).toEqual({
      name: "The Harbour Courier",
      url: "https://harbourcourier.news",
      language: "fr",
      timeZone: "Europe/London",
      currency: "EUR",
      donation: { provider: "paypal", account: "dons@harbourcourier.news" },
      newsletter: { provider: "buttondown", account: "harbour" },
      sections: ["Actualités", "Sport"],
      author: "Ada Reporter",
    });
    expect(shown().replace(/\s*\n/g, " ")).toContain(
      '`url` must be the site\'s web address starting with https://, got "harbourcourier" — Write it like `url: https://news.example.org`.',
    );
  });

  it("asks nothing that was given as a flag, and changes nothing when the person says no", async () => {
    const { input, output, shown, answer } = terminal();
    const defaults = defaultAnswers({ locale: "en", timeZone: "UTC" }, "News", "The editor");
    const given = {
      name: "Courier",
      url: "https://courier.news",
      language: "en",
      timeZone: "UTC",
      currency: "USD",
      sections: ["News"],
      author: "Sam",
    };
    const asked = askAnswers({ given, defaults, input, output });
    await answer("How readers give", ENTER);
    await answer("A newsletter signup", ENTER);
    await answer("Replace the sample newsroom", DOWN, ENTER);
    expect(await asked).toBeUndefined();
    expect(shown()).not.toContain("The newsroom's name");
    expect(shown()).toContain("Nothing was changed.");
  });
});
