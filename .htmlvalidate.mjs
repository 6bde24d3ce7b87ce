// html-validate settings for the built site (tests/quality/html-validity.test.ts; `npx html-validate _site`).
// A JavaScript file rather than .htmlvalidate.json so that every rule changed below can say why.
export default {
  extends: ["html-validate:recommended"],
  rules: {
    // Not turned off, set to our style: `<!doctype html>`, lower case as the HTML standard writes it; both are valid.
    "doctype-style": ["error", { style: "lowercase" }],
    // Off: a page's title is the whole headline, as editors wrote it; cutting it would misname the page in tabs and screen readers, and search engines shorten long titles themselves.
    "long-title": "off",
    // Off: role="list" is deliberate on lists drawn without bullets, because Safari's VoiceOver drops list semantics from `list-style: none` lists.
    "no-redundant-role": "off",
    // Kept on, except for role="list", for the same reason as above (it flags role="list" on <ol> as "prefer <ul>").
    "prefer-native-element": ["error", { exclude: ["list"] }],
  },
};
