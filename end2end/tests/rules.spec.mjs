// Issue 16: the rules a caseworker would sign, as a citizen reads them. The demo resident's
// estimate follows the residents' scheme (国发〔2014〕8号), in Chinese and English.
import { test, expect, expectAccessible, signIn, RESIDENT } from "./support.mjs";

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
