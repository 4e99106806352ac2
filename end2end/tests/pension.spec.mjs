// A retiree sees her pension in payment: the amount and last payment on her home page instead
// of an estimate, its parts, a year's payments (July with the back pay of the year's
// adjustment), every adjustment, and issues a benefit certificate from there. Warned that her
// yearly qualification check is due, she sends it to the office, whose reviewer confirms it.
import { test, expect, expectAccessible, expectNoSidewaysScroll, signIn, signInStaff } from "./support.mjs";

const RETIREE = "510107196211033927";

test("a retiree reads her pension and gets a benefit certificate", async ({ page }) => {
  await signIn(page, RETIREE);
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByText(/^每月养老金 [\d,]+\.\d\d 元$/).first()).toBeVisible();
  await expect(page.getByText(/^最近一次发放：2026-10-10，[\d,]+\.\d\d 元$/)).toBeVisible();
  await expect(page.getByRole("link", { name: "养老金测算" })).toHaveCount(0);

  await page.getByRole("link", { name: "我的养老金", exact: true }).click();
  await expect(page).toHaveURL(/\/me\/pension$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的养老金待遇");
  await expect(page.getByText("过渡性养老金", { exact: true })).toBeVisible();
  await expect(page.getByText("2026年共发放 10 次", { exact: false })).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  await page.getByLabel("年份").selectOption("2025");
  await page.getByRole("button", { name: "查看", exact: true }).click();
  await expect(page).toHaveURL(/\/me\/pension\?year=2025$/);
  await expect(page.getByText("2025年共发放 12 次", { exact: false })).toBeVisible();
  // The July payment carries six months of the 2025 raise as back pay; January none.
  const backPay = (month) => page.locator("tr", { hasText: month }).first().locator("td").nth(2).innerText();
  expect(Number((await backPay("2025-07")).replace(/[^\d.]/g, ""))).toBeGreaterThan(0);
  expect(await backPay("2025-01")).toBe("0.00");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  await page.getByRole("link", { name: "开具待遇领取证明" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("开具养老保险待遇领取证明");
  await page.getByLabel(/^贷款/).check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "开具证明" }).click();
  await expect(page).toHaveURL(/\/me\/certificates\/JB[0-9A-Z]{10}\?issued=1$/);
  await expect(page.getByText("证明已开具。")).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载 PDF" }).click(),
  ]);
  const { readFileSync } = await import("node:fs");
  expect(readFileSync(await download.path()).subarray(0, 5).toString()).toBe("%PDF-");

  await page.goto("/me/pension");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My pension in payment");
  await expect(page.getByText("Transitional pension", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
});

test("a retiree's yearly qualification check, confirmed by the paying office", async ({ page }) => {
  // Two sign-ins and a reviewer's code: up to half a minute of waiting for the clock.
  test.setTimeout(60_000);
  await signIn(page, RETIREE);
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByText(/请在 \d{4}-\d\d-\d\d 前完成领取资格认证（还有 \d+ 天）/)).toBeVisible();
  await page.getByRole("link", { name: "领取资格认证" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("养老金领取资格认证");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  // Without two-factor sign-in, the office's review is the one way, and the tick is required.
  await expect(page.getByText("您还没有开启两步验证，只能提交经办机构审核。", { exact: false })).toBeVisible();
  await page.getByLabel(/提交经办机构审核/).check();
  await page.getByLabel("我确认本人健在，仍符合领取基本养老金的条件。").check();
  await page.getByRole("button", { name: "提交认证" }).click();
  await expect(page.getByText("认证已提交。")).toBeVisible();
  await expect(page.getByText("您的认证已提交经办机构审核", { exact: false })).toBeVisible();
  await expect(page.getByRole("button", { name: "提交认证" })).toHaveCount(0);
  await page.getByRole("button", { name: "退出登录" }).click();

  await signInStaff(page, "reviewer-chengdu");
  await expect(page).toHaveURL(/\/review$/);
  await page.getByRole("link", { name: "领取资格认证审核" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("领取资格认证审核");
  const card = page.locator("section.card").filter({ hasText: "刘淑芬" });
  await expect(card).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await card.getByLabel("认证通过").check();
  await card.getByRole("button", { name: "提交审核结果" }).click();
  await expect(page.getByText("已处理，结果已通知本人。")).toBeVisible();
  await expect(page.getByText("没有等待审核的认证。")).toBeVisible();
  await page.getByRole("button", { name: "退出登录" }).click();

  await signIn(page, RETIREE);
  await expect(page.getByText(/已完成领取资格认证，下次认证截止 \d{4}-\d\d-\d\d。/)).toBeVisible();
  await page.goto("/me/pension/qualification");
  await expect(page.getByText("认证通过", { exact: true }).first()).toBeVisible();
});
