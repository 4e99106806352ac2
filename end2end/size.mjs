// Prints what each citizen page costs a phone on first load (scripts/size.sh runs it).
import { BUDGET_BYTES, CITIZEN_PAGES, EXTRA_PAGE_BYTES, firstLoad, signInCookie } from "./first-load.mjs";

const base = process.env.BASE_URL || "http://127.0.0.1:3000";
const cookie = await signInCookie(base, "110101199003074514", "Jinbao-Demo-2026");
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`budget: ${kb(BUDGET_BYTES)} for /login and /me, +${kb(EXTRA_PAGE_BYTES)} for other pages\n`);
for (const path of CITIZEN_PAGES) {
  const load = await firstLoad(base, path, path === "/login" ? "" : cookie);
  console.log(`${path.padEnd(42)} ${kb(load.total).padStart(10)}`);
  for (const f of load.files) console.log(`    ${f.file.padEnd(44)} ${f.encoding.padEnd(8)} ${kb(f.bytes).padStart(10)}`);
}
