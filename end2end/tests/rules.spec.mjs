// Issue 16: the rules a caseworker would sign, as a citizen reads them. The demo resident's
// estimate follows the residents' scheme (国发〔2014〕8号); a move inside Guangdong is a change
// of registration; a late start in Shanghai holds a temporary account until an exception is
// answered, and arrears warn instead of refusing. In Chinese and English.
import {
  test, expect, expectAccessible, expectNoSidewaysScroll, signIn, LATE_MOVER, MOVER, RESIDENT,
} from "./support.mjs";

test("a resident's pension starts at 60 with the account divided by 139", async ({ page }) => {
  await signIn(page, RESIDENT);
  await expect(page).toHaveURL(/\/me$/);
  await page.getByRole("link", { name: "养老金测算" }).click();
  await expect(page.getByText(/您将于 2028-05 年满60周岁/)).toBeVisible();
  await expect(page.getByText(/只适用于职工，不适用于城乡居民/)).toBeVisible();
  await expect(page.getByText(/÷ 计发月数 139$/)).toBeVisible();
  await expect(page.getByText("城乡居民养老保险没有弹性提前或延迟退休。")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "退休时间" }).locator("option")).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "预计待遇领取地" })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByText(/Residents' pensions start at 60, for men and women alike/)).toBeVisible();
  await expect(page.getByText(/whole account divided by 139/)).toBeVisible();
});

test("a move between two cities of one province is a change of registration", async ({ page }) => {
  await signIn(page, MOVER);
  await expect(page).toHaveURL(/\/me$/);
  await page.goto("/me/requests/new/pension/places");
  await expect(page.getByLabel(/^广州市/)).toBeChecked();
  await expect(page.getByLabel(/^深圳市/)).toBeChecked();
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(page).toHaveURL(/\/me\/requests\/new\/pension$/);
  await expect(page.getByRole("heading", { name: "这是变更登记，不是转移" })).toBeVisible();
  await expect(page.getByText(/广州市和深圳市同属广东省/)).toBeVisible();
  await expect(page.getByText(/您的记录从 2020-12 起显示深圳市/)).toBeVisible();
  await expect(page.getByText(/依据：国办发〔2009〕66号；养老保险省级统筹/)).toBeVisible();
  // No funds and no estimate: nothing moves. Guangdong's twelve years make it the paying place.
  await expect(page.getByRole("heading", { name: "预计转移内容" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "办理条件预检" }).locator("dd", { hasText: "广东省" })).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await page.goto("/me/requests/new/pension/check");
  await expect(page.getByText("请先完成前面的步骤，并满足全部办理条件。")).toBeVisible();
  await expect(page.getByRole("button", { name: "提交申请" })).toHaveCount(0);

  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByRole("heading", { name: "A change of registration, not a transfer" })).toBeVisible();
  await expect(page.getByText(/are both in Guangdong/)).toBeVisible();
});

test("a temporary account is explained, and an exception makes it a transfer despite arrears", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, LATE_MOVER);
  await expect(page).toHaveURL(/\/me$/);
  await page.goto("/me/requests/new/pension/places");
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(page.getByRole("heading", { name: "新参保地为您建立的是临时缴费账户" })).toBeVisible();
  await expect(page.getByText(/您在上海市开始参保时（2021-03）已满 40 周岁/)).toBeVisible();
  await expect(page.getByText("依据：国办发〔2009〕66号第三条、第六条。")).toBeVisible();
  await expect(page.getByRole("region", { name: "办理条件预检" }).locator("dd", { hasText: "四川省" })).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  // The exception: the hukou has moved to Shanghai.
  await page.getByLabel(/我的户籍已迁入转入地/).check();
  await page.getByRole("button", { name: "保存答案" }).click();
  await expect(page).toHaveURL(/\/me\/requests\/new\/pension\/check$/);
  await expect(page.getByText(/您回答户籍已迁入转入地/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "转出地有欠缴月份" })).toBeVisible();
  await expect(page.getByText(/2020-11 至 2020-12/)).toBeVisible();
  await expect(page.getByRole("region", { name: "办理条件预检" }).locator("dd", { hasText: "上海市" })).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  await page.goto("/me/requests/new/pension/contact");
  await page.getByLabel("联系电话").fill("13500135000");
  await page.getByRole("button", { name: "保存并继续" }).click();
  await page.goto("/me/requests/new/pension/check");
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page).toHaveURL(/\/me\/requests\/YL\d{8}[0-9A-Z]{4}\?submitted=1$/);
  await expect(page.getByText(/我的户籍已迁入转入地/)).toBeVisible();

  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByText(/Temporary account exception \(the applicant's answer\)/)).toBeVisible();
});
