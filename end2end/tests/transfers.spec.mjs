// The demo citizen moves his pension from Shenzhen to Beijing: the task list, the pre-check and
// estimate, the check page and the confirmation; Beijing's reviewer sends the contact letter,
// Shenzhen's moves the funds and ends the old relationship, Beijing's supervisor (a reviewer of
// the same office) merges the record; the citizen is told at each step and sees the request
// completed and the months carried into Beijing on his home page and records.
import {
  test, expect, expectAccessible, expectNoSidewaysScroll, signIn, signInStaff, CITIZEN,
} from "./support.mjs";

async function signOut(page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/(login)?$/);
}

// A reviewer opens the request from the queue and records `decision`.
async function decide(page, account, reference, decision) {
  await signInStaff(page, account);
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByRole("heading", { name: "待办业务" })).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`办理 ${reference}`);
  await expect(page.getByText("李明轩", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await page.getByLabel(decision).check();
  await page.getByRole("button", { name: "提交决定" }).click();
  await expect(page.getByText("决定已记录，申请人已收到通知。")).toBeVisible();
  await signOut(page);
}

test("a pension transfer from Shenzhen to Beijing, processed by both offices", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, CITIZEN);
  await expect(page).toHaveURL(/\/me$/);
  await page.getByRole("link", { name: "转移接续" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("转移接续申请");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await page.getByRole("link", { name: "养老保险关系转移接续" }).click();

  // The task list: nothing done yet, the last step cannot start.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("养老保险关系转移接续");
  await expect(page.getByText("暂不能开始")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "1. 选择转出地和转入地" }).click();
  await expect(page.getByLabel(/^深圳市/)).toBeChecked();
  await expect(page.getByLabel(/^北京市/)).toBeChecked();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await page.getByRole("button", { name: "保存并继续" }).click();

  // Back on the task list, the pre-check has run: every condition met, with the estimate and
  // the place the pension will be paid.
  await expect(page.getByText("您满足全部办理条件。")).toBeVisible();
  await expect(page.getByText("84", { exact: true })).toBeVisible();
  await expect(page.getByText("转移后预计的养老金领取地")).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await page.getByRole("link", { name: "2. 填写联系方式" }).click();
  await page.getByLabel("联系电话").fill("1380013");
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(page.getByText("请输入 11 位手机号。")).toBeVisible();
  await page.getByLabel("联系电话").fill("13800138000");
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(page).toHaveURL(/\/me\/requests\/new\/pension$/);

  await page.getByRole("link", { name: "3. 检查并提交" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("检查您的答案");
  await expect(page.getByText("13800138000")).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await page.getByRole("button", { name: "提交申请" }).click();

  await expect(page).toHaveURL(/\/me\/requests\/YL\d{8}[0-9A-Z]{4}\?submitted=1$/);
  await expect(page.getByRole("heading", { name: "申请已提交" })).toBeVisible();
  const reference = page.url().match(/YL\d{8}[0-9A-Z]{4}/)[0];
  await expect(page.getByText(`您的受理编号是 ${reference}`)).toBeVisible();
  await expect(page.locator("table.legs tr.current")).toContainText("北京市人力资源和社会保障局");
  await expect(page.locator("table.legs tr.current")).toContainText("15 个工作日");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await signOut(page);

  await decide(page, "reviewer-beijing", reference, "审核通过，发出联系函");
  await decide(page, "reviewer-shenzhen", reference, "核查无欠费，资金已转移，终止本地关系");
  await decide(page, "supervisor-demo", reference, "记录已合并，办结");

  // The citizen has been told, and the request is complete.
  await signIn(page, CITIZEN);
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("link", { name: /条未读/ })).toBeVisible();
  // His home page: Beijing's pension now carries Shenzhen's months.
  await expect(page.getByText("自深圳市转入 84 个月缴费记录和个人账户")).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/me/requests/${reference}`);
  await expect(page.getByText("已办结", { exact: true })).toBeVisible();
  await expect(page.getByText(/已办结：转入地的参保记录已并入转出地的 84 个月缴费/)).toBeVisible();
  await expect(page.locator("ol.history li")).toHaveCount(4);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  // The records page: the Shenzhen relationship has ended by transfer.
  await page.goto("/me/records/pension");
  await expect(page.locator("ol.timeline")).toContainText("关系转出");
  await expect(page.getByText("自深圳市转入 84 个月缴费记录和个人账户")).toBeVisible();
});
