// Login → five insurances → logout, wrong password, language switch and role refusal,
// with JavaScript on and off, checked with axe for serious accessibility problems.
import { test, expect, expectAccessible, signIn, CITIZEN, PASSWORD, INSURANCES } from "./support.mjs";

test("a citizen signs in, sees all five insurances, and signs out", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("五项社会保险，一处查看");
  await expectAccessible(page);

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
  await expectAccessible(page);

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
  await expectAccessible(page);
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
  await expectAccessible(page);
});

test("an employer cannot open a citizen's page", async ({ page }) => {
  await signIn(page, "employer-demo");
  await expect(page).toHaveURL(/\/employer$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("单位参保概况");
  await page.goto("/me");
  await expect(page.getByRole("alert")).toContainText("您的身份无权查看此页面");
});

// The one island: once hydrated, a form that is on its way is not sent again by a second tap.
test("a form being sent is not sent twice", async ({ page }) => {
  test.skip(test.info().project.use.javaScriptEnabled === false, "the island needs JavaScript");
  await page.goto("/login");
  const sent = await page.evaluate(async () => {
    const form = document.querySelector("form[action='/api/auth/login']");
    // Synthetic submits run the listeners without leaving the page; until the island has
    // hydrated (when the browser is idle) they pass unguarded.
    const submit = () => {
      const e = new Event("submit", { bubbles: true, cancelable: true });
      form.dispatchEvent(e);
      return !e.defaultPrevented;
    };
    for (let i = 0; i < 50 && !form.hasAttribute("aria-busy"); i++) {
      submit();
      await new Promise((r) => setTimeout(r, 100));
    }
    return { busy: form.getAttribute("aria-busy"), again: submit() };
  });
  expect(sent).toEqual({ busy: "true", again: false });
});
