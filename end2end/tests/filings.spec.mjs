// The demo citizen files for out-of-area treatment in Shanghai: a form error explained beside
// its field, the filing in effect at once with its number and what happens next, the filing
// on his medical insurance, a change of city, and cancelling it.
import { test, expect, expectAccessible, expectNoSidewaysScroll, signIn, CITIZEN } from "./support.mjs";

test("file, see, change and cancel an out-of-area medical filing", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, CITIZEN);
  await expect(page).toHaveURL(/\/me$/);
  await page.getByRole("link", { name: "异地就医备案" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("异地就医备案");
  await expectAccessible(page);
  await page.getByRole("link", { name: "新建备案" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("新建异地就医备案");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  // Treated where he is insured: refused beside the field, with the unticked undertaking.
  await page.getByLabel("就医地").selectOption({ label: "北京市" });
  await page.getByLabel(/^异地长期居住人员/).check();
  await page.getByLabel("签署个人承诺书", { exact: true }).check();
  await page.getByRole("button", { name: "提交备案" }).click();
  await expect(page.getByText("就医地不能与参保地相同。")).toBeVisible();
  await expect(page.getByText("请勾选个人承诺书。")).toBeVisible();

  await page.getByLabel("就医地").selectOption({ label: "上海市" });
  await page.getByLabel(/^异地长期居住人员/).check();
  await page.getByLabel("签署个人承诺书", { exact: true }).check();
  await page.getByLabel("我已阅读并签署个人承诺书").check();
  await page.getByRole("button", { name: "提交备案" }).click();

  await expect(page).toHaveURL(/\/me\/filings\/YD\d{8}[0-9A-Z]{4}\?filed=1$/);
  await expect(page.getByRole("heading", { name: "备案已生效" })).toBeVisible();
  await expect(page.getByText("长期有效，直至变更或取消").first()).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  const first = page.url().match(/YD\d{8}[0-9A-Z]{4}/)[0];

  // It shows on the medical insurance.
  await page.goto("/me");
  await expect(page.getByRole("link", { name: "异地就医备案：上海市（长期备案）" })).toBeVisible();

  // Change the city: the new filing replaces the old one.
  await page.goto(`/me/filings/${first}`);
  await page.getByRole("link", { name: "变更备案" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`变更备案 ${first}`);
  await page.getByLabel("就医地").selectOption({ label: "南京市" });
  await page.getByLabel(/^异地长期居住人员/).check();
  await page.getByLabel("签署个人承诺书", { exact: true }).check();
  await page.getByLabel("我已阅读并签署个人承诺书").check();
  await page.getByRole("button", { name: "提交备案" }).click();
  await expect(page).toHaveURL(/\/me\/filings\/YD\d{8}[0-9A-Z]{4}\?filed=1$/);
  const second = page.url().match(/YD\d{8}[0-9A-Z]{4}/)[0];
  expect(second).not.toBe(first);

  // Cancel it.
  await page.getByLabel("我确认取消这份备案").check();
  await page.getByRole("button", { name: "取消备案" }).click();
  await expect(page.getByText("备案已取消。")).toBeVisible();
  await page.goto("/me/filings");
  await expect(page.getByText("已变更（被新的备案取代）")).toBeVisible();
  await expect(page.getByText(/已于 .* 取消/)).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
});
