// Shared by every journey: a `test` that fails on any page or console error (hydration problems
// surface there), and an axe check for serious accessibility problems.
import { test as base, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const CITIZEN = "110101199003074514";
export const PASSWORD = "Jinbao-Demo-2026";
export const INSURANCES = ["养老保险", "医疗保险", "工伤保险", "失业保险", "生育保险"];

export const test = base.extend({
  page: async ({ page }, use) => {
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await use(page);
    // A refused sign-in answers 401 to the hydrated app's fetch; the browser logs that as an error.
    expect(errors.filter((e) => !e.includes("status of 401") && !e.includes("status of 403"))).toEqual([]);
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
