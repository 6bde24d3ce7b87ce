/**
 * The embed providers Tidings knows, and how a link to each becomes an embed. Pure: a URL in, a
 * description of what to show out. Nothing here is loaded at build time (the build has no
 * network), so frame embeds carry only what their URL says, and posts become static cards.
 */

/** Every provider a link can name. */
export type ProviderId =
  | "youtube"
  | "vimeo"
  | "datawrapper"
  | "flourish"
  | "documentcloud"
  | "soundcloud"
  | "openstreetmap"
  | "x"
  | "instagram"
  | "bluesky"
  | "mastodon";

/** Shapes the facade's box can take: width×height, or `audio` for a fixed-height player strip. */
export const RATIOS = ["16x9", "4x3", "1x1", "3x4", "9x16", "audio"] as const;

/** What a frame shows, as its default title names it: a Flourish story is a chart provider's story. */
export type Subject = "video" | "chart" | "story" | "document" | "audio" | "map";

/** A shape from `RATIOS`. */
export type Ratio = (typeof RATIOS)[number];

/** What a frame shows, which decides how its facade looks: only a video gets a play symbol. */
export type Medium = "video" | "chart" | "document" | "audio" | "map";

/** An embed shown in an iframe once the reader asks (video, chart, document, audio, map). */
export interface FrameEmbed {
  kind: "frame";
  provider: ProviderId;
  medium: Medium;
  /** The provider's name as readers know it, e.g. "YouTube". */
  providerName: string;
  /** The provider's own page for this item: the link that works without JavaScript. */
  page: string;
  /** The iframe's address, set only when the reader asks. */
  src: string;
  /** Scheme and host of `src`, for the Content-Security-Policy's `frame-src`. */
  origin: string;
  /** What the item is, for the title it gets when the editor gives none ("Video on YouTube", "Story by Flourish"). */
  subject: Subject;
  ratio: Ratio;
  /** The iframe's `allow` (permissions the player needs). */
  allow: string;
  /** The iframe's `sandbox` tokens: the least each provider was documented to need. */
  sandbox: string;
}

/** A social post, shown as a static quote card (or, without its words, a link): no third-party script, ever. */
export interface CardEmbed {
  kind: "card";
  provider: ProviderId;
  providerName: string;
  page: string;
  /** Who posted it, as the URL names them (`@name`, `@name@host`, a Bluesky handle); absent when the URL does not say. */
  author?: string;
}

/** What a URL is as an embed. */
export type Embed = FrameEmbed | CardEmbed;

/** Why a URL is not an embed: `unknown` is a site Tidings does not embed; `malformed` is a known one whose address has no item in it. */
export type EmbedUrlError = { kind: "unknown" | "malformed"; message: string; fix: string };

/** The result of `parseEmbedUrl`. */
export type ParsedEmbed = { ok: true; embed: Embed } | { ok: false; error: EmbedUrlError };

const VIDEO_ALLOW = "autoplay; encrypted-media; fullscreen; picture-in-picture";
// Players and charts run their own scripts on their own origin; popups let "watch on YouTube"
// and chart source links open, escaping the sandbox so the opened page works normally.
const PLAYER_SANDBOX = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation";
const CHART_SANDBOX = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";

/** The providers by name, for messages and the editors' guide. */
export const PROVIDER_NAMES: Readonly<Record<ProviderId, string>> = Object.freeze({
  youtube: "YouTube",
  vimeo: "Vimeo",
  datawrapper: "Datawrapper",
  flourish: "Flourish",
  documentcloud: "DocumentCloud",
  soundcloud: "SoundCloud",
  openstreetmap: "OpenStreetMap",
  x: "X",
  instagram: "Instagram",
  bluesky: "Bluesky",
  mastodon: "Mastodon",
});

const KNOWN_LIST = "YouTube, Vimeo, Datawrapper, Flourish, DocumentCloud, SoundCloud, OpenStreetMap, X/Twitter, Instagram, Bluesky or Mastodon";

/** Turn a URL an editor wrote into an embed, or say why it cannot be one. */
export function parseEmbedUrl(raw: string): ParsedEmbed {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return unknown(`${short(text)} is not a web address`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return unknown(`${short(text)} is not an http(s) address`);
  if (url.username !== "" || url.password !== "" || url.port !== "") return unknown(`${short(text)} has a user name, password or port, which no embed provider uses`);
  const host = url.hostname.toLowerCase().replace(/^www\./, "");
  const parts = url.pathname.split("/").filter((part) => part !== "");
  const parse = HOSTS[host];
  if (parse) return parse(url, parts) ?? malformed(host, text);
  const mastodon = mastodonPost(host, parts);
  if (mastodon) return { ok: true, embed: mastodon };
  return unknown(`${short(text)} is not on a site Tidings embeds`);
}

type HostParser = (url: URL, parts: string[]) => ParsedEmbed | undefined;

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

function youtube(url: URL, parts: string[]): ParsedEmbed | undefined {
  const host = url.hostname.toLowerCase();
  let id: string | undefined;
  if (host.endsWith("youtu.be")) id = parts.length === 1 ? parts[0] : undefined;
  else if (parts.length === 1 && parts[0] === "watch") id = url.searchParams.get("v") ?? undefined;
  else if (parts.length === 2 && (parts[0] === "embed" || parts[0] === "shorts" || parts[0] === "live")) id = parts[1];
  if (id === undefined || !YOUTUBE_ID.test(id)) return undefined;
  const shorts = parts[0] === "shorts";
  return frame({
    provider: "youtube",
    medium: "video",
    page: `https://www.youtube.com/watch?v=${id}`,
    src: `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`,
    subject: "video",
    ratio: shorts ? "9x16" : "16x9",
    allow: VIDEO_ALLOW,
    sandbox: PLAYER_SANDBOX,
  });
}

function vimeo(url: URL, parts: string[]): ParsedEmbed | undefined {
  const player = url.hostname.toLowerCase() === "player.vimeo.com";
  const id = player ? (parts[0] === "video" && parts.length === 2 ? parts[1] : undefined) : parts.length === 1 ? parts[0] : undefined;
  if (id === undefined || !/^\d{1,12}$/.test(id)) return undefined;
  return frame({
    provider: "vimeo",
    medium: "video",
    page: `https://vimeo.com/${id}`,
    // dnt=1: Vimeo's player sets no tracking cookies.
    src: `https://player.vimeo.com/video/${id}?autoplay=1&dnt=1`,
    subject: "video",
    ratio: "16x9",
    allow: VIDEO_ALLOW,
    sandbox: PLAYER_SANDBOX,
  });
}

function datawrapper(url: URL, parts: string[]): ParsedEmbed | undefined {
  const host = url.hostname.toLowerCase();
  // datawrapper.dwcdn.net/AbC12/ or /AbC12/3/; www.datawrapper.de/_/AbC12/
  const rest = host === "datawrapper.dwcdn.net" ? parts : parts[0] === "_" ? parts.slice(1) : [];
  const [id, version] = rest;
  if (id === undefined || !/^[A-Za-z0-9]{5}$/.test(id) || rest.length > 2 || (version !== undefined && !/^\d{1,4}$/.test(version))) return undefined;
  const path = version === undefined ? `${id}/` : `${id}/${version}/`;
  return frame({
    provider: "datawrapper",
    medium: "chart",
    page: `https://datawrapper.dwcdn.net/${path}`,
    src: `https://datawrapper.dwcdn.net/${path}`,
    subject: "chart",
    ratio: "4x3",
    allow: "fullscreen",
    sandbox: CHART_SANDBOX,
  });
}

function flourish(_url: URL, parts: string[]): ParsedEmbed | undefined {
  const [kind, id] = parts;
  if ((kind !== "visualisation" && kind !== "story") || id === undefined || !/^\d{1,12}$/.test(id)) return undefined;
  if (parts.length > 3 || (parts.length === 3 && parts[2] !== "embed")) return undefined;
  return frame({
    provider: "flourish",
    medium: "chart",
    page: `https://public.flourish.studio/${kind}/${id}/`,
    src: `https://flo.uri.sh/${kind}/${id}/embed`,
    subject: kind === "story" ? "story" : "chart",
    ratio: "4x3",
    allow: "fullscreen",
    sandbox: CHART_SANDBOX,
  });
}

function documentcloud(_url: URL, parts: string[]): ParsedEmbed | undefined {
  const [kind, id] = parts;
  if (kind !== "documents" || id === undefined || parts.length > 3 || !/^\d{1,12}(-[a-z0-9-]{1,200})?$/i.test(id)) return undefined;
  const slug = parts.length === 3 ? `${id}/${parts[2]}` : id;
  if (parts.length === 3 && !/^[a-z0-9-]{1,200}$/i.test(parts[2] ?? "")) return undefined;
  return frame({
    provider: "documentcloud",
    medium: "document",
    page: `https://www.documentcloud.org/documents/${slug}`,
    src: `https://embed.documentcloud.org/documents/${slug}/?embed=1`,
    subject: "document",
    ratio: "3x4",
    allow: "fullscreen",
    sandbox: CHART_SANDBOX,
  });
}

const SOUNDCLOUD_NAME = /^[a-z0-9_-]{1,100}$/i;

function soundcloud(_url: URL, parts: string[]): ParsedEmbed | undefined {
  const track = parts.length === 2 && parts.every((part) => SOUNDCLOUD_NAME.test(part)) && parts[1] !== "sets";
  const set = parts.length === 3 && parts[1] === "sets" && SOUNDCLOUD_NAME.test(parts[0] ?? "") && SOUNDCLOUD_NAME.test(parts[2] ?? "");
  if (!track && !set) return undefined;
  const page = `https://soundcloud.com/${parts.join("/")}`;
  return frame({
    provider: "soundcloud",
    medium: "audio",
    page,
    src: `https://w.soundcloud.com/player/?url=${encodeURIComponent(page)}&auto_play=true&visual=false`,
    subject: "audio",
    ratio: "audio",
    allow: "autoplay",
    sandbox: CHART_SANDBOX,
  });
}

function openstreetmap(url: URL): ParsedEmbed | undefined {
  // openstreetmap.org/#map=15/51.5072/-0.1276, optionally with ?mlat=…&mlon=… for a marker.
  const map = /^#map=(\d{1,2})\/(-?\d{1,2}(?:\.\d{1,7})?)\/(-?\d{1,3}(?:\.\d{1,7})?)$/.exec(url.hash);
  if (!map) return undefined;
  const zoom = Number(map[1]);
  const lat = Number(map[2]);
  const lon = Number(map[3]);
  if (zoom < 1 || zoom > 19 || Math.abs(lat) > 85 || Math.abs(lon) > 180) return undefined;
  const mlat = url.searchParams.get("mlat");
  const mlon = url.searchParams.get("mlon");
  const marker = mlat !== null && mlon !== null && isCoordinate(mlat, 90) && isCoordinate(mlon, 180) ? `${Number(mlat)},${Number(mlon)}` : undefined;
  // A box around the centre that shows about what the zoom level shows in a 600 px wide frame.
  const half = 360 / 2 ** zoom;
  const round = (value: number) => Math.round(value * 1e5) / 1e5;
  const bbox = [round(lon - half), round(lat - half / 2), round(lon + half), round(lat + half / 2)].join(",");
  const query = `bbox=${encodeURIComponent(bbox)}&layer=mapnik${marker === undefined ? "" : `&marker=${encodeURIComponent(marker)}`}`;
  const pageQuery = marker === undefined ? "" : `?mlat=${Number(mlat)}&mlon=${Number(mlon)}`;
  return frame({
    provider: "openstreetmap",
    medium: "map",
    page: `https://www.openstreetmap.org/${pageQuery}#map=${zoom}/${lat}/${lon}`,
    src: `https://www.openstreetmap.org/export/embed.html?${query}`,
    subject: "map",
    ratio: "4x3",
    allow: "fullscreen",
    sandbox: "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox",
  });
}

function isCoordinate(value: string, limit: number): boolean {
  return /^-?\d{1,3}(\.\d{1,7})?$/.test(value) && Math.abs(Number(value)) <= limit;
}

const HANDLE = /^[A-Za-z0-9_]{1,30}$/;

function xPost(_url: URL, parts: string[]): ParsedEmbed | undefined {
  const [user, status, id] = parts;
  if (parts.length !== 3 || user === undefined || !HANDLE.test(user) || status !== "status" || !/^\d{1,25}$/.test(id ?? "")) return undefined;
  return card("x", `https://x.com/${user}/status/${id}`, `@${user}`);
}

function instagram(_url: URL, parts: string[]): ParsedEmbed | undefined {
  const [kind, code] = parts;
  if (parts.length !== 2 || (kind !== "p" && kind !== "reel") || !/^[A-Za-z0-9_-]{5,40}$/.test(code ?? "")) return undefined;
  return card("instagram", `https://www.instagram.com/${kind}/${code}/`);
}

function bluesky(_url: URL, parts: string[]): ParsedEmbed | undefined {
  const [profile, handle, post, key] = parts;
  if (parts.length !== 4 || profile !== "profile" || post !== "post") return undefined;
  if (!/^(?:[a-z0-9-]{1,63}\.)+[a-z]{2,63}$|^did:plc:[a-z0-9]{24}$/i.test(handle ?? "") || !/^[a-z0-9]{10,20}$/i.test(key ?? "")) return undefined;
  return card("bluesky", `https://bsky.app/profile/${handle}/post/${key}`, handle?.startsWith("did:") ? undefined : `@${handle}`);
}

/** A Mastodon (or other ActivityPub server's) post: any host, the path `/@name/12345`. */
function mastodonPost(host: string, parts: string[]): CardEmbed | undefined {
  const [user, id] = parts;
  if (parts.length !== 2 || !/^@[A-Za-z0-9_]{1,30}(@[a-z0-9.-]{1,200})?$/.test(user ?? "") || !/^\d{1,25}$/.test(id ?? "")) return undefined;
  if (!/^(?:[a-z0-9-]{1,63}\.)+[a-z]{2,63}$/.test(host)) return undefined;
  const author = user?.includes("@", 1) ? (user ?? "") : `${user}@${host}`;
  return { kind: "card", provider: "mastodon", providerName: PROVIDER_NAMES.mastodon, page: `https://${host}/${user}/${id}`, author };
}

const HOSTS: Readonly<Record<string, HostParser>> = Object.freeze({
  "youtube.com": youtube,
  "m.youtube.com": youtube,
  "youtu.be": youtube,
  "youtube-nocookie.com": youtube,
  "vimeo.com": vimeo,
  "player.vimeo.com": vimeo,
  "datawrapper.dwcdn.net": datawrapper,
  "datawrapper.de": datawrapper,
  "public.flourish.studio": flourish,
  "flo.uri.sh": flourish,
  "documentcloud.org": documentcloud,
  "embed.documentcloud.org": documentcloud,
  "soundcloud.com": soundcloud,
  "openstreetmap.org": (url) => openstreetmap(url),
  "x.com": xPost,
  "twitter.com": xPost,
  "mobile.twitter.com": xPost,
  "instagram.com": instagram,
  "bsky.app": bluesky,
});

function frame(embed: Omit<FrameEmbed, "kind" | "providerName" | "origin">): ParsedEmbed {
  return { ok: true, embed: { kind: "frame", providerName: PROVIDER_NAMES[embed.provider], origin: new URL(embed.src).origin, ...embed } };
}

function card(provider: ProviderId, page: string, author?: string): ParsedEmbed {
  const embed: CardEmbed = { kind: "card", provider, providerName: PROVIDER_NAMES[provider], page };
  if (author !== undefined) embed.author = author;
  return { ok: true, embed };
}

function unknown(message: string): ParsedEmbed {
  return { ok: false, error: { kind: "unknown", message, fix: `Embed a link from ${KNOWN_LIST}, or write it as an ordinary link: [words](address).` } };
}

function malformed(host: string, text: string): ParsedEmbed {
  return {
    ok: false,
    error: {
      kind: "malformed",
      message: `${short(text)} is on ${host} but does not point at one video, chart, document, track, map or post`,
      fix: "Copy the address from the item's own page or its Share button (e.g. https://www.youtube.com/watch?v=… or https://datawrapper.dwcdn.net/AbC12/).",
    },
  };
}

function short(value: string): string {
  return `“${value.length > 60 ? `${value.slice(0, 60)}…` : value}”`;
}
