import { load } from "cheerio";

/** A chart as charting tools export it: gradients, a clip path, <use> of a symbol by #id (both spellings), text and a style sheet. */
export const CHART_SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="400" height="200" viewBox="0 0 400 200">
  <title>Rainfall in Millbrook</title>
  <defs>
    <linearGradient id="bar" x1="0" y1="0" x2="0" y2="1"><stop offset="0%" stop-color="#36c"/><stop offset="100%" stop-color="#9cf" stop-opacity="0.5"/></linearGradient>
    <clipPath id="clip"><rect width="400" height="200"/></clipPath>
    <symbol id="tick" viewBox="0 0 5 1"><path d="M0 0h5" stroke="#333" stroke-width="1"/></symbol>
  </defs>
  <style>.label { font: 12px sans-serif; fill: #222 } .bar { fill: url(#bar) }</style>
  <g clip-path="url(#clip)" transform="translate(10,10)">
    <rect class="bar" x="0" y="50" width="40" height="140"/>
    <use href="#tick" x="0" y="190" width="5" height="1"/>
    <use xlink:href="#tick" x="40" y="190" width="5" height="1"/>
    <text class="label" x="20" y="45" text-anchor="middle">140 mm</text>
  </g>
</svg>
`;

/** Everything in a cleaned SVG that could run script or load something from elsewhere, as an XML reader (a browser opening the file) sees it. */
export function hostileParts(svg: string): string[] {
  const $ = load(svg, { xml: true });
  const found: string[] = [];
  $("*").each((_, node) => {
    const element = node as unknown as { tagName: string; attribs: Record<string, string> };
    const name = element.tagName.toLowerCase();
    if (["script", "foreignobject", "set", "animate", "iframe", "object", "embed", "feimage"].includes(name)) found.push(`<${name}>`);
    for (const [attribute, value] of Object.entries(element.attribs)) {
      if (/^on/i.test(attribute)) found.push(`${attribute}=`);
      if (/href$/i.test(attribute) && !value.startsWith("#") && !/^data:image\/(png|jpeg|gif|webp|avif);/.test(value)) found.push(`${attribute}=${value}`);
      if (/url\(\s*['"]?(?!#)/i.test(value) || /@import|javascript:/i.test(value)) found.push(`${attribute}=${value}`);
    }
  });
  $("style").each((_, style) => {
    const css = $(style).text();
    if (/@import|url\(\s*['"]?(?!#)|javascript:|expression\(/i.test(css)) found.push(`<style>${css}`);
  });
  return found;
}
