// Login → five insurances → logout, wrong password, language switch and role refusal,
// with JavaScript on and off, checked with axe for serious accessibility problems.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

const CITIZEN = "110101199003074514";
const PASSWORD = "Jinbao-Demo-2026";
const INSURANCES = ["养老保险", "医疗保险", "工伤保险", "失业保险", "生育保险"];

// Hydration problems surface as page errors or console errors: none are allowed.
let pageErrors = [];
test.beforeEach(async ({ page }) => {
  pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") pageErrors.push(m.text()); });
});
test.afterEach(async () => {
  // A refused login answers 401 to the hydrated app's fetch; the browser logs that as a console error.
  expect(pageErrors.filter((e) => !e.includes("status of 401") && !e.includes("status of 403"))).toEqual([]);
});

async function expectNoSeriousA11yIssues(page) {
  // axe runs inside the page; the JavaScript-off project renders the same server markup.
  if (test.info().project.use.javaScriptEnabled === false) return;
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => ["serious", "critical"].includes(v.impact));
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

async function signIn(page, account, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("身份证号、手机号或账号").fill(account);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

test("a citizen signs in, sees all five insurances, and signs out", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("五项社会保险，一处查看");
  await expectNoSeriousA11yIssues(page);

  await signIn(page, CITIZEN);
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("heading", { level: 1, name: "我的五项保险" })).toBeVisible();
  for (const name of INSURANCES) {
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  }
  const pension = page.getByRole("region", { name: "养老保险" });
  await expect(pension).toContainText("参保缴费");
  await expect(pension).toContainText("北京市");
  await expect(pension).toContainText("2019-10");
  await expect(pension).toContainText("个人账户余额");
  await expect(page.getByText("李明轩", { exact: true })).toBeVisible();
  await expectNoSeriousA11yIssues(page);

  // Nothing overflows a 360 px screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "登录" }).first()).toBeVisible();
  await page.goto("/me");
  await expect(page).toHaveURL(/\/login$/);
});

test("a wrong password is explained and nothing else happens", async ({ page }) => {
  await signIn(page, CITIZEN, "not-the-password");
  await expect(page.getByRole("alert")).toHaveText("账号或密码不正确。");
  await expect(page).toHaveURL(/\/login/);
  await expectNoSeriousA11yIssues(page);
});

test("the language switch is remembered", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Jinbao");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByLabel("Resident ID, phone or user name").fill(CITIZEN);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Pension insurance" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
});

test("an employer cannot open a citizen's page", async ({ page }) => {
  await signIn(page, "employer-demo");
  await expect(page).toHaveURL(/\/employer$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("单位参保概况");
  await page.goto("/me");
  await expect(page.getByRole("alert")).toContainText("您的身份无权查看此页面");
});
