// From the home page into each insurance, the chart, the gaps, a filtered month table, the
// career overview and the pension estimate, in Chinese and English.
import { test, expect, expectAccessible, signIn, CITIZEN, INSURANCES } from "./support.mjs";

test.beforeEach(async ({ page }) => {
  await signIn(page, CITIZEN);
  await expect(page).toHaveURL(/\/me$/);
});

test("each insurance opens into its record with a chart and the month table", async ({ page }) => {
  for (const name of INSURANCES) {
    await page.getByRole("link", { name: new RegExp(`查看明细\\s*:\\s*${name}`) }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${name}明细`);
    await expect(page.getByRole("img", { name: new RegExp(`${name} · 缴费图`) })).toBeVisible();
    await expect(page.getByRole("table").first()).toBeVisible();
    await expect(page.getByText("2019-07 至 2019-09 断缴 3 个月")).toBeVisible();
    await page.getByRole("link", { name: "返回我的首页" }).click();
    await expect(page).toHaveURL(/\/me$/);
  }
});

// 国办发〔2024〕38号: each medical break is explained by its length; three months keep the
// continuous years.
test("the medical record says what each break does to continuity", async ({ page }) => {
  await page.getByRole("link", { name: /查看明细\s*:\s*医疗保险/ }).click();
  await expect(page.getByText(/断缴不超过 3 个月：在规定期限内补缴后，连续参保年限不中断/)).toBeVisible();
  await expect(page.getByText(/目前连续参保 14 年 1 个月/)).toBeVisible();
  await expect(page.getByText(/依据：国办发〔2024〕38号/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByText(/Continuously insured now for 14 years and 1 month/)).toBeVisible();
});

test("the pension record filters by year and pages on the server", async ({ page }) => {
  await page.getByRole("link", { name: /查看明细\s*:\s*养老保险/ }).click();
  await expect(page.getByText("累计缴费 14.0 年")).toBeVisible();
  await expect(page.getByText("第 1 页，共 15 页")).toBeVisible();
  await page.getByRole("link", { name: "下一页" }).click();
  await expect(page.getByText("第 2 页，共 15 页")).toBeVisible();
  await page.getByLabel("年份").selectOption("2019");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/year=2019/);
  const rows = page.locator("#months-h ~ .table-wrap tbody tr:not(.run)");
  await expect(rows).toHaveCount(9);
  await expect(page.getByText("已缴 9 个月，欠缴 0 个月")).toBeVisible();
  await expectAccessible(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("the career chart and the pension estimate", async ({ page }) => {
  await page.getByRole("link", { name: "五险缴费总览" }).click();
  await expect(page.getByRole("img", { name: /五项保险缴费总览/ })).toBeVisible();
  await expect(page.getByRole("table")).toContainText("2019");
  await expectAccessible(page);

  await page.goto("/me");
  await page.getByRole("link", { name: "养老金测算" }).click();
  await expect(page.getByText(/法定退休时间为 2053-03/)).toBeVisible();
  await expect(page.getByText("北京市", { exact: true })).toBeVisible();
  await expect(page.getByText("测算规则版本 2026.1")).toBeVisible();
  await expect(page.getByText(/国办发〔2009〕66号）第六条/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("combobox", { name: "退休时间" }).selectOption({ label: "60岁" });
  await page.getByRole("button", { name: "重新测算" }).click();
  await expect(page).toHaveURL(/offset=-36/);
  await expect(page.getByText("2050-03 · 60岁")).toBeVisible();
  // Later retirement by month; the payout table runs to 70 (66 → 93 months).
  await page.getByRole("combobox", { name: "退休时间" }).selectOption({ label: "66岁" });
  await page.getByRole("button", { name: "重新测算" }).click();
  await expect(page).toHaveURL(/offset=36/);
  await expect(page.getByText(/÷ 计发月数 93$/)).toBeVisible();
  await expect(page.getByText(/按退休时的整周岁（66岁）/)).toBeVisible();
  await expect(page.getByRole("combobox", { name: "退休时间" }).locator("option", { hasText: "62岁5个月" })).toHaveCount(1);
});

test("the records read in English too", async ({ page }) => {
  await page.getByRole("button", { name: /English/ }).click();
  await page.getByRole("link", { name: /View details\s*:\s*Pension insurance/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pension insurance: details");
  await expect(page.getByText("2019-07 to 2019-09: no contributions for 3 month(s)")).toBeVisible();
  await page.goto("/me/pension-estimate");
  await expect(page.getByRole("heading", { level: 2, name: "What this estimate leaves out" })).toBeVisible();
});

// Issue 15: on a 360 px phone the month table reads as compact rows (the employer said once per
// run of months), the record fits about three screens before its pager, and the home page shows
// the five insurances compactly.
test("records read on a phone without endless scrolling", async ({ page }) => {
  test.skip(test.info().project.name === "desktop-js", "phone layout");
  const screen = page.viewportSize().height;
  const home = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(home, "home page height").toBeLessThanOrEqual(3 * screen);

  await page.goto("/me/records/pension");
  await expect(page.getByText("第 1 页，共 15 页")).toBeVisible();
  const layout = await page.evaluate(() => {
    const rows = [...document.querySelectorAll("table.months tbody tr:not(.run)")];
    const cells = [...document.querySelectorAll("table.months th, table.months td")]
      .filter((c) => c.getClientRects().length > 0);
    return {
      pager: document.querySelector(".pager").getBoundingClientRect().top + window.scrollY,
      tallestRow: Math.max(...rows.map((r) => r.getBoundingClientRect().height)),
      widestCell: Math.max(...cells.map((c) => c.getBoundingClientRect().width)),
      runs: document.querySelectorAll("table.months tr.run").length,
      sideways: document.documentElement.scrollWidth - window.innerWidth,
    };
  });
  expect(layout.pager, "the pager within about three screens").toBeLessThanOrEqual(3 * screen);
  expect(layout.tallestRow, "a month is one compact row").toBeLessThanOrEqual(64);
  expect(layout.widestCell).toBeLessThanOrEqual(page.viewportSize().width);
  expect(layout.runs, "the employer is said once per run").toBeGreaterThan(0);
  expect(layout.sideways).toBeLessThanOrEqual(0);
});
