// The helpdesk agent signs in with a second factor, finds the demo citizen, starts an assisted
// session with a reason and a ticket, looks at the record under the banner, ends it; the citizen
// is notified and finds the session, with what was looked at, in their access log. An employer
// user ends a session run as them; a document the agent downloads carries the watermark.
import { readFile } from "node:fs/promises";
import {
  test, expect, expectAccessible, expectNoSidewaysScroll, findCaller, signIn, signInStaff,
  startAssist, CITIZEN, MOVER,
} from "./support.mjs";

test("an assisted session, seen from both sides", async ({ page }) => {
  // The agent's code may have to wait for the next 30-second step.
  test.setTimeout(60_000);
  const ticket = `T-${Date.now()}`;
  await signInStaff(page, "helpdesk-demo");
  await expect(page).toHaveURL(/\/helpdesk$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("客服工作台");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  // A partial ID number is refused beside the field, not searched.
  await page.getByLabel("身份证号、手机号、姓名或信用代码").fill("11010119900307");
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page.getByText("请输入完整、正确的 18 位身份证号。")).toBeVisible();

  const card = await findCaller(page, "id", CITIZEN, "李明轩");
  await expect(page).toHaveURL(/by=id/);
  await expect(card).toContainText("110101********4514");
  await expect(page.getByText("本次查找已记入对方的访问记录。")).toBeVisible();
  await expect(card.getByText("以 李明轩 的身份开始协助会话")).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  await startAssist(card, { detail: "来电查询 2019 年在深圳的缴费记录", ticket });
  await expect(page).toHaveURL(/\/me$/);
  const banner = page.getByRole("region", { name: "协助会话" });
  await expect(banner).toContainText("客服 周敏 正在代 李明轩 操作");
  await expect(banner).toContainText(ticket);
  await expect(banner).toContainText("只读模式");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  await page.getByRole("link", { name: "五险缴费总览" }).click();
  await expect(page).toHaveURL(/\/me\/records$/);
  await expect(banner).toContainText("客服 周敏 正在代 李明轩 操作");
  await banner.getByRole("button", { name: "结束协助" }).click();
  await expect(page).toHaveURL(/\/helpdesk$/);
  await expect(page.getByRole("region", { name: "协助会话" })).toHaveCount(0);
  await page.getByRole("button", { name: "退出登录" }).click();

  // The citizen's side: a message, and the session in the access log.
  await signIn(page, CITIZEN);
  await expect(page).toHaveURL(/\/me$/);
  await page.getByRole("link", { name: /消息（\d+ 条未读）/ }).click();
  await expect(page.locator(".message").first()).toContainText(ticket);
  await expectAccessible(page);
  await page.locator(".message").first().getByRole("link", { name: "谁查看了我的信息" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("谁查看了我的信息");
  const entry = page.locator(".access-entry").filter({ hasText: ticket });
  await expect(entry).toContainText("客服 周敏 以协助会话方式进入了您的账号");
  await expect(entry).toContainText("客服结束");
  await expect(entry).toContainText("来电查询 2019 年在深圳的缴费记录");
  await entry.getByText(/会话中的操作/).click();
  await expect(entry).toContainText("参保缴费记录");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  // Filtered to employers, the helpdesk session is not listed; in English, the page is too.
  await page.getByLabel("查看方").selectOption("employer");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/kind=employer/);
  await expect(page.locator(".access-entry").filter({ hasText: ticket })).toHaveCount(0);
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Who looked at my record");
  await page.getByLabel("Who").selectOption("helpdesk");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.locator(".access-entry").filter({ hasText: ticket })).toContainText("ended by the agent");
  await expectNoSidewaysScroll(page);
  await page.getByRole("button", { name: /中文/ }).click();
});

// The helpdesk acts as the demo employer's user; that user, signed in on their own device,
// sees the session on their home page and ends it there.
test("an employer user ends a helpdesk session run as them", async ({ page, browser }) => {
  test.setTimeout(60_000);
  const ticket = `T-${Date.now()}`;
  await signInStaff(page, "helpdesk-demo");
  await expect(page).toHaveURL(/\/helpdesk$/);
  const card = await findCaller(page, "employer", "91110000MA01ABCD52", "北京金保示范科技有限公司");
  await expect(card.getByText("以 北京金保示范科技 社保专员 的身份开始协助会话")).toBeVisible();
  await startAssist(card, { detail: "来电核对职工的参保情况", ticket });
  await expect(page).toHaveURL(/\/employer$/);

  // The employer's own device, like the agent's (phone or desktop, JavaScript on or off).
  const { use } = test.info().project;
  const own = await browser.newContext({
    baseURL: process.env.BASE_URL || "http://127.0.0.1:3000",
    locale: "zh-CN",
    viewport: use.viewport,
    isMobile: use.isMobile,
    hasTouch: use.hasTouch,
    deviceScaleFactor: use.deviceScaleFactor,
    javaScriptEnabled: use.javaScriptEnabled,
  });
  const employer = await own.newPage();
  await signIn(employer, "employer-demo");
  await expect(employer).toHaveURL(/\/employer$/);
  const running = employer.getByRole("region", { name: "正在代您操作" });
  await expect(running).toContainText("客服 周敏");
  await expect(running).toContainText(ticket);
  await expectAccessible(employer);
  await expectNoSidewaysScroll(employer);
  await running.getByRole("button", { name: "立即结束" }).click();
  await expect(employer).toHaveURL(/\/employer\?ended=1$/);
  await expect(employer.getByText("协助会话已结束。")).toBeVisible();
  await expect(employer.getByRole("region", { name: "正在代您操作" })).toHaveCount(0);
  await own.close();

  // The agent is back at the console.
  await page.goto("/helpdesk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("客服工作台");
  await expect(page.getByRole("region", { name: "协助会话" })).toHaveCount(0);
});

// A one-page PDF with its cross-reference table, as a scanner writes one.
function onePagePdf() {
  const content = "0 0 50 50 re f\n";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >>",
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets = objects.map((object, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((at) => `${String(at).padStart(10, "0")} 00000 n \n`).join("");
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}

// 陈志强 uploads a scan to a filing he has begun; the agent helping him opens it from the same
// page and gets a PDF with the session's watermark over it, not the file as uploaded.
test("a document opened in an assisted session carries the watermark", async ({ page }) => {
  test.setTimeout(60_000);
  const scan = onePagePdf();
  await signIn(page, MOVER);
  await expect(page).toHaveURL(/\/me$/);
  await page.goto("/me/filings/new/places");
  await page.getByLabel("就医地").selectOption({ label: "上海市" });
  await page.getByRole("button", { name: "保存并继续" }).click();
  await page.goto("/me/filings/new/category");
  await page.getByLabel(/^异地长期居住人员/).check();
  await page.getByRole("button", { name: "保存并继续" }).click();
  await page.goto("/me/filings/new/evidence");
  await page.getByLabel("选择要上传的文件").setInputFiles({ name: "居住证.pdf", mimeType: "application/pdf", buffer: scan });
  await page.getByRole("button", { name: "上传所选文件" }).click();
  await expect(page.getByRole("link", { name: "居住证.pdf" })).toBeVisible();
  await page.getByRole("button", { name: "退出登录" }).click();

  const ticket = `T-${Date.now()}`;
  await signInStaff(page, "helpdesk-demo");
  await expect(page).toHaveURL(/\/helpdesk$/);
  const card = await findCaller(page, "id", MOVER, "陈志强");
  await startAssist(card, { detail: "来电咨询异地就医备案材料", ticket, reason: "help_with_application" });
  await expect(page).toHaveURL(/\/me$/);
  await page.goto("/me/filings/new/evidence");
  await expect(page.getByRole("region", { name: "协助会话" })).toContainText(ticket);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "居住证.pdf" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("居住证.pdf");
  const file = await readFile(await download.path());
  expect(file.subarray(0, 5).toString()).toBe("%PDF-");
  expect(file.equals(scan)).toBe(false);
  expect(file.includes("JinbaoWatermark")).toBe(true);
  await page.getByRole("region", { name: "协助会话" }).getByRole("button", { name: "结束协助" }).click();
  await expect(page).toHaveURL(/\/helpdesk$/);
});
