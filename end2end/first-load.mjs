// What a phone downloads to show and hydrate a page: every built file the page's HTML names
// under /pkg (the stylesheet, the island script's JS and wasm), fetched as served to a browser
// that accepts brotli. Shared by the budget test and scripts/size.sh.
import http from "node:http";

// DESIGN §1: a citizen page costs a phone at most ~150 KB on first load; any other citizen page
// at most 60 KB more than the home page (issue 15).
export const BUDGET_BYTES = 150 * 1024;
export const EXTRA_PAGE_BYTES = 60 * 1024;

export const CITIZEN_PAGES = [
  "/login", "/me", "/me/records", "/me/records/pension", "/me/pension-estimate", "/me/access-log",
  "/me/notifications", "/me/certificates", "/me/certificates/new?kind=contributions",
  "/me/requests", "/me/requests/new/pension", "/me/filings", "/me/filings/new",
];

function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}

/// The /pkg files a page's HTML names, with the bytes each costs as served (brotli when offered).
export async function firstLoad(base, path, cookie = "") {
  const page = await get(new URL(path, base), { cookie, "accept-encoding": "identity" });
  if (page.status !== 200) throw new Error(`${path}: HTTP ${page.status}`);
  const html = page.body.toString("utf8");
  const files = [...new Set([...html.matchAll(/(?:href|src)="(\/pkg\/[^"]+)"/g)].map((m) => m[1]))];
  const sizes = [];
  for (const file of files) {
    const res = await get(new URL(file, base), { "accept-encoding": "br, gzip" });
    if (res.status !== 200) throw new Error(`${file}: HTTP ${res.status}`);
    sizes.push({ file, encoding: res.headers["content-encoding"] ?? "identity", bytes: res.body.length });
  }
  return { path, files: sizes, total: sizes.reduce((n, f) => n + f.bytes, 0) };
}

/// The uncompressed bytes of a built file, to look inside it.
export async function plainBytes(base, file) {
  return (await get(new URL(file, base), { "accept-encoding": "identity" })).body;
}

/// Signs in with a password over the plain form post (as without JavaScript); returns the cookie.
export async function signInCookie(base, account, password) {
  const body = new URLSearchParams({ account, password }).toString();
  const url = new URL("/api/auth/login", base);
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded", origin: url.origin,
        "content-length": Buffer.byteLength(body),
      },
    }, (res) => {
      res.resume();
      const cookie = (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
      if (!cookie) reject(new Error(`sign-in as ${account} set no cookie (HTTP ${res.statusCode})`));
      else resolve(cookie);
    });
    req.on("error", reject);
    req.end(body);
  });
}
