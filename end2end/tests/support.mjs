// Shared by every journey: a `test` that fails on any page or console error (hydration problems
// surface there), and an axe check for serious accessibility problems.
import { test as base, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { createHmac } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CITIZEN = "110101199003074514";
export const RESIDENT = "510107196805122644";
// Guangzhou then Shenzhen (one province); Chengdu then Shanghai from age 40 (a temporary account).
export const MOVER = "510104198506150311";
export const LATE_MOVER = "510106198008200489";
export const PASSWORD = "Jinbao-Demo-2026";
export const INSURANCES = ["养老保险", "医疗保险", "工伤保险", "失业保险", "生育保险"];

export const test = base.extend({
  page: async ({ page }, use) => {
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await use(page);
    // A refused sign-in (401), a refused role (403) or a form the server sent back with its
    // field errors (422) answer the hydrated app's fetch with that status, which the browser
    // logs as an error; each test asserts the message the user sees instead.
    const expected = ["status of 401", "status of 403", "status of 422"];
    expect(errors.filter((e) => !expected.some((s) => e.includes(s)))).toEqual([]);
  },
});
export { expect };

export async function expectAccessible(page) {
  // axe runs inside the page; the JavaScript-off project renders the same server markup.
  if (test.info().project.use.javaScriptEnabled === false) return;
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => ["serious", "critical"].includes(v.impact));
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

export async function signIn(page, account, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("身份证号、手机号或账号").fill(account);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

export async function expectNoSidewaysScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

// The demo staff's two-factor secrets, as published in the README.
export const TOTP_SECRETS = {
  "helpdesk-demo": "HELPDESKDEMOJINBAOHELPDESKDEMOAA",
  "admin-demo": "ADMINDEMOJINBAOADMINDEMOJINBAOAA",
  "reviewer-beijing": "REVIEWERBEIJINGJINBAOREVIEWERBJA",
  "reviewer-shenzhen": "REVIEWERSHENZHENJINBAOREVIEWERSZ",
  "reviewer-chengdu": "REVIEWERCHENGDUJINBAOREVIEWERCDA",
  "supervisor-demo": "SUPERVISORDEMOJINBAOSUPERVISORAA",
};

function base32(secret) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of secret) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

// RFC 6238 code for a 30-second step, as an authenticator app computes it.
export function totpCode(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac("sha1", base32(secret)).update(counter).digest();
  const offset = mac[19] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

// Each code signs in once, and the three projects run in separate workers: the last step used
// per secret is kept in a file, and the next code is for a later step (waiting if needed).
export async function freshStep(secret) {
  const file = join(tmpdir(), `jinbao-e2e-totp-${secret}`);
  const last = existsSync(file) ? Number(readFileSync(file, "utf8")) : 0;
  let now = Math.floor(Date.now() / 30_000);
  const step = Math.max(now, last + 1);
  // The server accepts the current step and the next one.
  while (step > now + 1) {
    await new Promise((r) => setTimeout(r, 1000));
    now = Math.floor(Date.now() / 30_000);
  }
  writeFileSync(file, String(step));
  return step;
}

export async function signInStaff(page, account) {
  await signIn(page, account);
  await expect(page).toHaveURL(/\/login\/code$/);
  const secret = TOTP_SECRETS[account];
  const code = totpCode(secret, await freshStep(secret));
  await page.getByLabel("6 位验证码").fill(code);
  await page.getByRole("button", { name: "验证并登录" }).click();
}

// The helpdesk console's search: the caller's card, found by `by` (id, phone, name, employer).
export async function findCaller(page, by, query, name) {
  await page.getByLabel("查找方式").selectOption(by);
  await page.getByLabel("身份证号、手机号、姓名或信用代码").fill(query);
  await page.getByRole("button", { name: "查找" }).click();
  return page.locator(".caller").filter({ hasText: name });
}

// Starts an assisted session from a caller's card with a reason, what was asked, and a ticket.
export async function startAssist(card, { detail, ticket, reason = "record_enquiry" }) {
  await card.getByText(/的身份开始协助会话$/).click();
  await card.getByLabel("协助原因").selectOption(reason);
  await card.getByLabel("具体说明").fill(detail);
  await card.getByLabel("工单号").fill(ticket);
  await card.getByRole("button", { name: "开始协助" }).click();
}
