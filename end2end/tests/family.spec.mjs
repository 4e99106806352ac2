// Elder mode and relatives who help (亲情代办). The retiree turns on elder mode on the sign-in
// page (her account keeps the choice when she signs in): 20 px type,
// 48 px targets, a home of five large actions, remembered by her account on another device, and
// a warning before her session ends (with JavaScript). She authorises her son (the first demo
// citizen, found by his ID and the last four digits of his phone); he accepts, acts for her,
// reads her pension payments and issues her benefit certificate, and she finds it all in her
// access log. Each journey leaves the accounts as it found them: the three projects share a
// database.
import { test, expect, expectAccessible, expectNoSidewaysScroll, signIn, CITIZEN } from "./support.mjs";

const RETIREE = "510107196211033927";

async function signOut(page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.locator(".site-header").getByRole("link", { name: "登录", exact: true })).toBeVisible();
}

// Messages the journey sent are read, so later journeys see the header they expect.
async function readMessages(page) {
  await page.goto("/me/notifications");
  const markAll = page.getByRole("button", { name: "全部标为已读" });
  if (await markAll.count()) await markAll.click();
  await expect(page.locator(".site-header")).not.toContainText("未读");
}

// The smallest visible tap target and font size on the page (a checkbox's target is its label).
async function smallest(page) {
  return page.evaluate(() => {
    const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
    const targets = [...document.querySelectorAll("a.button, button, input:not([type=hidden],[type=checkbox],[type=radio]), label.check, select, .elder-action, .site-header a")]
      .filter(visible).filter((e) => !e.closest(".skip-link, .session-clock[hidden]"));
    const texts = [...document.querySelectorAll("main p, main li, main dd, main td, main label, .site-header a, .site-header button")]
      .filter(visible);
    return {
      target: Math.min(...targets.map((e) => e.getBoundingClientRect().height)),
      font: Math.min(...texts.map((e) => parseFloat(getComputedStyle(e).fontSize))),
    };
  });
}

async function setElderMode(page, on) {
  const name = on ? "长辈模式" : "标准模式";
  const button = page.getByRole("button", { name, exact: true });
  if (await button.count()) await button.click();
  await expect(page.locator("html")).toHaveClass(on ? /\belder\b/ : /^(?!.*\belder\b)/);
}

test("elder mode: large type and targets, a home of five actions, remembered by the account", async ({ page, browser }) => {
  test.setTimeout(60_000);
  await page.goto("/login");
  await setElderMode(page, true);
  await signIn(page, RETIREE);
  try {
    await expect(page).toHaveURL(/\/me$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("刘淑芬，您好");
    await expect(page.getByText(/^每月养老金 [\d,]+\.\d\d 元$/)).toBeVisible();
    const actions = page.getByRole("navigation", { name: "常用服务" }).getByRole("link");
    await expect(actions).toHaveCount(5);
    for (const name of ["我的养老金", "我的医保", "开证明", "去外地看病备案", "请家人帮忙"]) {
      await expect(actions.filter({ hasText: name })).toHaveCount(1);
    }
    await expect(page.getByText("为了安全，30 分钟不操作会自动退出登录。")).toBeVisible();
    const size = await smallest(page);
    expect(size.font).toBeGreaterThanOrEqual(20);
    expect(size.target).toBeGreaterThanOrEqual(48);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    await actions.filter({ hasText: "我的养老金" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的养老金待遇");
    expect((await smallest(page)).font).toBeGreaterThanOrEqual(20);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    // Another device: her account turns it on there too.
    const other = await browser.newContext({ ...test.info().project.use, baseURL: test.info().project.use.baseURL });
    const phone = await other.newPage();
    await signIn(phone, RETIREE);
    await expect(phone.locator("html")).toHaveClass(/\belder\b/);
    await other.close();

    // With JavaScript, a warning two minutes before the idle limit, and "continue" renews it.
    if (test.info().project.use.javaScriptEnabled !== false) {
      await page.clock.install();
      await page.goto("/me");
      const bar = page.locator(".session-clock");
      await expect(bar).toBeHidden();
      await page.clock.fastForward("28:30");
      await expect(bar).toBeVisible();
      await expect(bar).toContainText("2 分钟后将自动退出登录");
      await expectAccessible(page);
      const renewed = page.waitForResponse((r) => r.url().endsWith("/api/auth/keep_alive") && r.status() === 200);
      await bar.getByRole("button", { name: "继续使用" }).click();
      await renewed;
      await expect(bar).toBeHidden();
    }
  } finally {
    await page.goto("/me");
    await setElderMode(page, false);
  }
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的五项保险");
});

// The retiree ends whatever authorisations an earlier run left open.
async function endOpenAuthorisations(page) {
  await page.goto("/me/relatives");
  const end = page.getByRole("button", { name: "结束授权" });
  while (await end.count()) {
    await end.first().click();
    await expect(page.getByText("授权已结束。")).toBeVisible();
  }
}

test("a retiree's son helps her: her pension, her benefit certificate, all in her access log", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, RETIREE);
  await endOpenAuthorisations(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("亲情代办");
  await page.getByLabel("亲属的身份证号").fill(CITIZEN);
  await page.getByLabel("亲属手机号的后四位").fill("1234");
  await page.getByLabel(/^允许代我办理/).check();
  await page.getByRole("button", { name: "发出授权" }).click();
  await expect(page.getByText("没有找到与此身份证号和手机号后四位相符的金保账号。", { exact: false })).toBeVisible();
  // The form comes back empty after a refusal: fill it again.
  await page.getByLabel("亲属的身份证号").fill(CITIZEN);
  await page.getByLabel("亲属手机号的后四位").fill("8000");
  await page.getByLabel(/^允许代我办理/).check();
  await page.getByRole("button", { name: "发出授权" }).click();
  await expect(page.getByText("授权已发出。亲属接受后即可帮您。")).toBeVisible();
  await expect(page.locator(".grant", { hasText: "李明轩" }).filter({ hasText: "等待接受" })).toHaveCount(1);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await signOut(page);

  await signIn(page, CITIZEN);
  await page.goto("/me/relatives");
  const invitation = page.locator(".grant", { hasText: "刘淑芬" }).filter({ hasText: "等待接受" });
  await invitation.getByRole("button", { name: "接受" }).click();
  await expect(page.getByRole("link", { name: "亲情代办" })).toBeVisible();
  await page.getByRole("button", { name: "为 刘淑芬 办理" }).click();
  await expect(page).toHaveURL(/\/me$/);
  const banner = page.getByRole("region", { name: "亲情代办" });
  await expect(banner).toContainText("李明轩，您正在帮助 刘淑芬（亲情代办）");
  await expect(page.getByRole("link", { name: "账号与安全" })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: "我的养老金", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的养老金待遇");
  await expect(page.getByText("过渡性养老金", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "开具待遇领取证明" }).click();
  await page.getByLabel(/^贷款/).check();
  await page.getByRole("button", { name: "开具证明" }).click();
  await expect(page.getByText("证明已开具。")).toBeVisible();
  await expectNoSidewaysScroll(page);
  await banner.getByRole("button", { name: "结束代办" }).click();
  await expect(page).toHaveURL(/\/me\/relatives$/);
  await expect(page.getByRole("region", { name: "亲情代办" })).toHaveCount(0);
  // He ends the authorisation himself: either of them may.
  await page.locator(".grant", { hasText: "刘淑芬" }).filter({ hasText: "生效中" })
    .getByRole("button", { name: "结束授权" }).click();
  await expect(page.getByText("授权已结束。")).toBeVisible();
  await readMessages(page);
  await signOut(page);

  await signIn(page, RETIREE);
  await page.goto("/me/access-log");
  const entry = page.locator(".access-entry").filter({ hasText: "李明轩" }).first();
  await expect(entry.locator(".kind-tag")).toHaveText("亲属");
  await entry.locator("summary", { hasText: "会话中的操作" }).click();
  await expect(entry).toContainText("开具了一份证明");
  await expect(entry).toContainText("我的养老金待遇");
  await expectAccessible(page);
  await readMessages(page);
});
