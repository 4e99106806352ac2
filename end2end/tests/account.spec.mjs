// A citizen turns on two-factor sign-in (QR code and key, a first code), signs in again with a
// code, and turns it off; a wrong code is explained. Uses the demo retiree, whom no other
// journey signs in as.
import { test, expect, expectAccessible, expectNoSidewaysScroll, signIn, totpCode, freshStep } from "./support.mjs";

const RETIREE = "510107196211033927";

test("two-factor sign-in, on and off", async ({ page }) => {
  // Three codes for three later steps: up to a minute of waiting for the clock.
  test.setTimeout(90_000);
  await signIn(page, RETIREE);
  await expect(page).toHaveURL(/\/me$/);
  await page.getByRole("link", { name: "账号与安全" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("账号与安全");
  await expectAccessible(page);
  await page.getByRole("button", { name: "开启两步验证" }).click();
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  await expect(page.getByRole("img", { name: /两步验证二维码/ })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await page.getByLabel("6 位验证码").fill("000000");
  await page.getByRole("button", { name: "完成设置" }).click();
  await expect(page.getByText("验证码不正确或已使用")).toBeVisible();
  await page.getByLabel("6 位验证码").fill(totpCode(secret, await freshStep(secret)));
  await page.getByRole("button", { name: "完成设置" }).click();
  await expect(page.getByText("两步验证已开启。")).toBeVisible();
  await page.getByRole("button", { name: "退出登录" }).click();

  await signIn(page, RETIREE);
  await expect(page).toHaveURL(/\/login\/code$/);
  await expectAccessible(page);
  await page.getByLabel("6 位验证码").fill(totpCode(secret, await freshStep(secret)));
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page).toHaveURL(/\/me$/);

  await page.goto("/account");
  await page.getByLabel("6 位验证码").fill(totpCode(secret, await freshStep(secret)));
  await page.getByRole("button", { name: "关闭两步验证" }).click();
  await expect(page.getByText("两步验证已关闭。")).toBeVisible();
});
