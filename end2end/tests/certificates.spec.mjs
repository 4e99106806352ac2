// A citizen issues a contributions certificate for a loan, downloads the PDF, and anyone can
// verify it from the link its QR code carries; the citizen then sees the verification in
// "谁查看了我的信息" and revokes the certificate, after which the page says so.
import { test, expect, expectAccessible, expectNoSidewaysScroll, signIn, CITIZEN } from "./support.mjs";

test("issue, download, verify and revoke a certificate", async ({ page }) => {
  await signIn(page, CITIZEN);
  await expect(page).toHaveURL(/\/me$/);
  await page.getByRole("link", { name: "证明与下载" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("证明与下载");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  await page.getByRole("link", { name: "开具新证明" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("开具新证明");
  await expectAccessible(page);
  await page.getByRole("link", { name: "参保缴费证明" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("开具参保缴费证明");
  // Submitting without a purpose is explained beside the field (the browser's own check is
  // bypassed so the server's answer shows).
  await page.locator("form.form").evaluate((f) => f.setAttribute("novalidate", ""));
  await page.getByLabel("工伤保险").uncheck();
  await page.getByRole("button", { name: "开具证明" }).click();
  await expect(page.getByText("此项为必填项。").first()).toBeVisible();
  await page.getByLabel(/^贷款/).check();
  await page.getByLabel("最近 24 个月").check();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await page.getByRole("button", { name: "开具证明" }).click();

  await expect(page).toHaveURL(/\/me\/certificates\/JB[0-9A-Z]{10}\?issued=1$/);
  await expect(page.getByText("证明已开具。")).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  const number = page.url().match(/JB[0-9A-Z]{10}/)[0];

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载 PDF" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`jinbao-${number}.pdf`);
  const { readFileSync, statSync } = await import("node:fs");
  const path = await download.path();
  expect(readFileSync(path).subarray(0, 5).toString()).toBe("%PDF-");
  expect(statSync(path).size).toBeLessThan(200_000);

  const verifyHref = await page.getByRole("link", { name: "打开核验页" }).getAttribute("href");
  expect(verifyHref).toMatch(new RegExp(`/verify\\?no=${number}&code=[0-9A-Z]{12}$`));
  const verifyPath = new URL(verifyHref).pathname + new URL(verifyHref).search;

  // A stranger (signed out) lands from the QR code.
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.goto(verifyPath);
  await expect(page.getByText("核验通过")).toBeVisible();
  await expect(page.getByText("李*轩")).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  // A wrong code says only that it could not be verified.
  await page.getByLabel("核验码").fill("2222-2222-2222");
  await page.getByRole("button", { name: "核验", exact: true }).click();
  await expect(page.getByText("无法核验")).toBeVisible();
  await expect(page.getByText("李*轩")).toHaveCount(0);

  await signIn(page, CITIZEN);
  await expect(page).toHaveURL(/\/me$/);
  await page.goto("/me/access-log?kind=public");
  await expect(page.getByText(`核验了您的证明 ${number}`).first()).toBeVisible();

  await page.goto(`/me/certificates/${number}`);
  await page.getByLabel("我确认撤销此证明").check();
  await page.getByRole("button", { name: "撤销", exact: true }).click();
  await expect(page.getByText("证明已撤销。", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.goto(verifyPath);
  await expect(page.getByText(/已于 .* 被撤销/)).toBeVisible();
});

test("the verification page in English", async ({ page, context }) => {
  await context.addCookies([{ name: "lang", value: "en", url: process.env.BASE_URL || "http://127.0.0.1:3000" }]);
  await page.goto("/verify");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Verify a certificate");
  // A number of its own per run: wrong codes are throttled per document.
  const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  const number = "JB" + Array.from({ length: 10 }, () => alphabet[Math.floor(Math.random() * 32)]).join("");
  await page.getByLabel("Document number").fill(number);
  await page.getByLabel("Verification code").fill("2222-2222-2222");
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page.getByText("Not verified")).toBeVisible();
  await expectAccessible(page);
});
