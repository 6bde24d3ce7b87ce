import type { Element, Root } from "hast";

// What a browser fetches by itself, without a click: per element, the attributes it loads.
const LOADING: Readonly<Record<string, readonly string[]>> = {
  img: ["src", "srcSet"],
  iframe: ["src"],
  frame: ["src"],
  script: ["src"],
  link: ["href"],
  source: ["src", "srcSet"],
  video: ["src", "poster"],
  audio: ["src"],
  track: ["src"],
  object: ["data"],
  embed: ["src"],
  input: ["src"],
};

/**
 * Every address an element in `tree` would load from a host other than `ownOrigin` (or any absolute
 * address, when none is given) before the reader does anything: the loading attributes above,
 * `url(…)` in style attributes and <style> elements.
 */
export function thirdPartyLoads(tree: Root | Element, ownOrigin?: string): string[] {
  const found: string[] = [];
  const check = (address: string) => {
    for (const candidate of address.split(",").map((part) => part.trim().split(/\s+/)[0] ?? "")) {
      if (!/^(https?:)?\/\//i.test(candidate)) continue;
      if (ownOrigin !== undefined && new URL(candidate, ownOrigin).origin === ownOrigin) continue;
      found.push(candidate);
    }
  };
  const checkCss = (css: string) => {
    for (const match of css.matchAll(/url\(\s*['"]?([^'")]+)/gi)) check(match[1] ?? "");
    for (const match of css.matchAll(/@import\s+['"]([^'"]+)/gi)) check(match[1] ?? "");
  };
  const stack: (Root | Element)[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    for (const child of node.children) {
      if (child.type !== "element") continue;
      for (const attribute of LOADING[child.tagName] ?? []) {
        const value = child.properties[attribute];
        if (value !== undefined && value !== null) check(Array.isArray(value) ? value.join(",") : String(value));
      }
      if (typeof child.properties.style === "string") checkCss(child.properties.style);
      if (child.tagName === "style") checkCss(child.children.map((text) => (text.type === "text" ? text.value : "")).join(""));
      stack.push(child);
    }
  }
  return found;
}
