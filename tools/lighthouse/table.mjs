// Prints one Markdown row per Lighthouse JSON report: scores and the figures behind them.
import { readFileSync } from "node:fs";

const score = (r, c) => Math.round(r.categories[c].score * 100);
const ms = (r, a) => `${(r.audits[a].numericValue / 1000).toFixed(1)} s`;
console.log("| page | performance | accessibility | best practices | FCP | LCP | TBT | transferred |");
console.log("|---|---|---|---|---|---|---|---|");
for (const file of process.argv.slice(2)) {
  const r = JSON.parse(readFileSync(file, "utf8"));
  const path = new URL(r.finalDisplayedUrl).pathname + new URL(r.finalDisplayedUrl).search;
  const kb = (r.audits["total-byte-weight"].numericValue / 1024).toFixed(0);
  console.log(`| ${path} | ${score(r, "performance")} | ${score(r, "accessibility")} | ` +
    `${score(r, "best-practices")} | ${ms(r, "first-contentful-paint")} | ` +
    `${ms(r, "largest-contentful-paint")} | ${Math.round(r.audits["total-blocking-time"].numericValue)} ms | ${kb} KB |`);
}
