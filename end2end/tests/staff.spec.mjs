// An administrator creates a helpdesk account. Its user signs in with the one-time password,
// sets up two-factor sign-in, is held at choosing their own password (nothing else opens), and
// then reaches the console; the one-time password no longer signs in.
import {
  test, expect, expectAccessible, expectNoSidewaysScroll, signIn, signInStaff, totpCode, freshStep,
} from "./support.mjs";

test("a new staff account: one-time password, two-factor set-up, own password", async ({ page }) => {
  // Two codes for later steps: up to a minute of waiting for the clock.
  test.setTimeout(120_000);
  const project = test.info().project.name.replace(/[^a-z]/g, "");
  const username = `new-${project}-${Date.now() % 1_000_000}`;
  await signInStaff(page, "admin-demo");
  await page.goto("/admin/staff");
  await page.getByText("新建工作人员账号").click();
  await page.getByLabel("登录账号").fill(username);
  await page.getByLabel("姓名（显示名称）").fill("新客服");
  await page.getByRole("checkbox", { name: "客服", exact: true }).check();
  await page.getByRole("button", { name: "创建账号" }).click();
  const oneTime = (await page.locator(".notice.success code.secret").innerText()).trim();
  expect(oneTime.length).toBeGreaterThanOrEqual(16);
  await page.getByRole("button", { name: "退出登录" }).click();

  await signIn(page, username, oneTime);
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  await page.getByLabel("6 位验证码").fill(totpCode(secret, await freshStep(secret)));
  await page.getByRole("button", { name: "完成设置" }).click();
  await expect(page).toHaveURL(/\/account\?renew=password$/);
  await expect(page.getByText("您使用发给您的一次性密码登录")).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  // Nothing else opens until then.
  await page.goto("/helpdesk");
  await expect(page.getByText("请先在“账号与安全”中设置您自己的密码")).toBeVisible();

  await page.goto("/account?renew=password");
  await page.getByLabel("当前密码").fill(oneTime);
  await page.getByLabel("新密码", { exact: true }).fill("Own-Choice-Pass-2026");
  await page.getByLabel("再次输入新密码").fill("Own-Choice-Pass-2026");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/helpdesk$/);
  await page.getByRole("button", { name: "退出登录" }).click();
  await signIn(page, username, oneTime);
  await expect(page.getByText("账号或密码不正确。")).toBeVisible();
});
