// The demo employer checks its staff: the flag summary, a filter by flag, a person's page, the
// CSV export, a search, and the list in English.
import { readFileSync } from "node:fs";
import { test, expect, expectAccessible, expectNoSidewaysScroll, signIn } from "./support.mjs";

test.beforeEach(async ({ page }) => {
  await signIn(page, "employer-demo");
  await expect(page).toHaveURL(/\/employer$/);
});

test("list, filter by a flag, open a person, export", async ({ page }) => {
  await page.getByRole("link", { name: "员工参保核查" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("员工参保核查");
  await expect(page.getByText(/在职员工 \d+ 人，其中 \d+ 人有需要处理的问题/)).toBeVisible();
  await expect(page.getByRole("link", { name: /欠缴：\d+ 人/ })).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  await page.getByRole("combobox", { name: /问题类型/ }).selectOption("arrears");
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page).toHaveURL(/flag=arrears/);
  const cards = page.locator(".staff-card");
  await expect(cards.first()).toBeVisible();
  const count = await cards.count();
  for (let i = 0; i < count; i++) {
    await expect(cards.nth(i).locator(".flags")).toContainText("欠缴");
    await expect(cards.nth(i)).toContainText(/欠缴月份：\d{4}-\d{2}/);
  }
  await expect(page.getByText(`共 ${count} 人符合条件`)).toBeVisible();

  const name = (await cards.first().locator("h3 a").innerText()).split("·")[0].trim();
  await cards.first().locator("h3 a").click();
  await expect(page).toHaveURL(/\/employer\/staff\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByRole("heading", { name: "核查发现" })).toBeVisible();
  await expect(page.getByText(/欠缴 \d+ 个月：\d{4}-\d{2}/)).toBeVisible();
  await expect(page.getByText("不含其他单位的记录，也不含任何医疗信息", { exact: false })).toBeVisible();
  await expect(page.getByRole("table").first()).toContainText("养老保险");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  await page.getByRole("link", { name: "返回员工列表" }).click();
  await expect(page).toHaveURL(/\/employer\/staff$/);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出名册（CSV）" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^staff-roster-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await file.path(), "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trim().split("\r\n");
  expect(lines[0]).toMatch(/^姓名,身份证号（部分隐藏）,在职,/);
  const total = Number((await page.getByRole("heading", { name: /人符合条件/ }).innerText()).match(/\d+/)[0]);
  expect(lines.length - 1).toBe(total);
});

test("a search by part of the ID number says why; by name it finds the person", async ({ page }) => {
  await page.goto("/employer/staff");
  const search = page.getByRole("searchbox", { name: "姓名或身份证号" });
  await search.fill("12");
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page.getByText("按身份证号查找时，请输入完整的 18 位号码，或最后 4 位。")).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "姓名或身份证号" })).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.goto("/employer/staff?scope=all");
  const name = (await page.locator(".staff-card h3 a").first().innerText()).split("·")[0].trim();
  await page.getByRole("searchbox", { name: "姓名或身份证号" }).fill(name);
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(page.locator(".staff-card h3 a").first()).toContainText(name);
});

test("the staff list reads in English", async ({ page }) => {
  await page.goto("/employer/staff");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff enrolment check");
  await expect(page.getByText(/\d+ current staff; \d+ with problems to resolve\./)).toBeVisible();
  await page.getByRole("link", { name: /Base below the floor: \d+/ }).click();
  await expect(page).toHaveURL(/flag=base_below_floor/);
  await expect(page.locator(".staff-card").first()).toContainText("Base below the floor");
  await expectNoSidewaysScroll(page);
  await page.locator(".staff-card h3 a").first().click();
  await expect(page.getByText(/declared below the floor\. Latest: \d{4}-\d{2}, declared/)).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
});
