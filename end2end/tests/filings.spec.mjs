// The demo citizen files for out-of-area treatment in Shanghai through the task list: a step's
// error explained beside its field, a file of the wrong kind refused, a residence permit
// uploaded (and a wrong file removed), the answers checked, the filing in effect at once with
// its number and what happens next, the filing and its document on his medical insurance, a
// change of city signed with the personal undertaking, and cancelling it.
import { test, expect, expectAccessible, expectNoSidewaysScroll, signIn, CITIZEN } from "./support.mjs";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

async function step(page, name) {
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name.replace(/^\d\. /, ""));
}

test("file, see, change and cancel an out-of-area medical filing", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, CITIZEN);
  await expect(page).toHaveURL(/\/me$/);
  await page.getByRole("link", { name: "异地就医备案" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("异地就医备案");
  await expectAccessible(page);
  await page.getByRole("link", { name: "新建备案" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("新建异地就医备案");
  await expect(page.getByText("4. 检查您的答案")).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  // Step 1. Treated where he is insured: refused beside the field, then Shanghai.
  await step(page, "1. 参保地和就医地");
  await page.getByLabel("就医地").selectOption({ label: "北京市" });
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(page.getByText("就医地不能与参保地相同。")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("就医地").selectOption({ label: "上海市" });
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(page).toHaveURL(/\/me\/filings\/new$/);

  // Step 2.
  await step(page, "2. 备案类别和就医情况");
  await page.getByLabel(/^异地长期居住人员/).check();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(page).toHaveURL(/\/me\/filings\/new$/);

  // Step 3. A text file is refused; the residence permit (a PDF) is kept.
  await step(page, "3. 证明材料或个人承诺");
  await page.getByLabel("选择要上传的文件").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await page.getByRole("button", { name: "上传所选文件" }).click();
  await expect(page.getByText("只能上传 PDF、JPG 或 PNG 文件。")).toBeVisible();
  await page.getByLabel("选择要上传的文件").setInputFiles({ name: "居住证.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "上传所选文件" }).click();
  await expect(page.getByRole("link", { name: "居住证.pdf" })).toBeVisible();
  await expect(page.getByText("还可以上传 4 个。")).toBeVisible();
  // A second file uploaded by mistake, and removed.
  await page.getByLabel("选择要上传的文件").setInputFiles({ name: "错的.pdf", mimeType: "application/pdf", buffer: Buffer.concat([PDF, Buffer.from("2")]) });
  await page.getByRole("button", { name: "上传所选文件" }).click();
  await expect(page.getByText("还可以上传 3 个。")).toBeVisible();
  await page.getByRole("button", { name: "删除 错的.pdf" }).click();
  await expect(page.getByText("还可以上传 4 个。")).toBeVisible();
  await expect(page.getByRole("link", { name: "错的.pdf" })).toHaveCount(0);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(page).toHaveURL(/\/me\/filings\/new$/);
  await expect(page.getByText("已完成")).toHaveCount(3);

  // Check the answers, then file.
  await step(page, "4. 检查您的答案");
  await expect(page.getByText("长期有效，直至变更或取消")).toBeVisible();
  await expect(page.getByRole("link", { name: "居住证.pdf" })).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await page.getByRole("button", { name: "提交备案" }).click();

  await expect(page).toHaveURL(/\/me\/filings\/YD\d{8}[0-9A-Z]{4}\?filed=1$/);
  await expect(page.getByRole("heading", { name: "备案已生效" })).toBeVisible();
  await expect(page.getByText("长期有效，直至变更或取消").first()).toBeVisible();
  const download = await page.getByRole("link", { name: "居住证.pdf" }).getAttribute("href");
  const file = await page.request.get(download);
  expect(file.status()).toBe(200);
  expect(Buffer.from(await file.body()).equals(PDF)).toBe(true);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  const first = page.url().match(/YD\d{8}[0-9A-Z]{4}/)[0];

  // It shows on the medical insurance.
  await page.goto("/me");
  await expect(page.getByRole("link", { name: "异地就医备案：上海市（长期备案）" })).toBeVisible();

  // Change the city: the change starts from the filing; this time he signs the undertaking.
  await page.goto(`/me/filings/${first}`);
  await page.getByRole("link", { name: "变更备案" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`变更备案 ${first}`);
  await step(page, "1. 参保地和就医地");
  await expect(page.getByLabel("就医地")).toHaveValue("310100");
  await page.getByLabel("就医地").selectOption({ label: "南京市" });
  await page.getByRole("button", { name: "保存并继续" }).click();
  await step(page, "2. 备案类别和就医情况");
  await expect(page.getByLabel(/^异地长期居住人员/)).toBeChecked();
  await page.getByRole("button", { name: "保存并继续" }).click();
  await step(page, "3. 证明材料或个人承诺");
  await page.getByLabel("签署个人承诺书", { exact: true }).check();
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(page.getByText("请勾选个人承诺书。")).toBeVisible();
  await page.getByLabel("签署个人承诺书", { exact: true }).check();
  await page.getByLabel("我已阅读并签署个人承诺书").check();
  await page.getByRole("button", { name: "保存并继续" }).click();
  await step(page, "4. 检查您的答案");
  await expect(page.getByText("南京市")).toBeVisible();
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

// 医保发〔2022〕22号: an emergency needs no filing, and the form says so instead of filing; once
// admitted it is completed for the stay. A referral needs its certificate, and a temporary
// filing says its reimbursement may be lower before it is confirmed.
test("an emergency needs no filing; a referral needs its certificate and may be reimbursed less", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, CITIZEN);
  await expect(page).toHaveURL(/\/me$/);
  await page.goto("/me/filings/new/places");
  await page.getByLabel("就医地").selectOption({ label: "上海市" });
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(page).toHaveURL(/\/me\/filings\/new$/);

  await step(page, "2. 备案类别和就医情况");
  await expect(page.getByText(/无需备案，视同已备案，直接就医即可/)).toBeVisible();
  await expect(page.getByText(/参保地（北京市）最早可补办 180 天前的入院/)).toBeVisible();
  await page.getByLabel(/^异地急诊抢救人员/).check();
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(page.getByText(/急诊抢救无需备案，视同已备案：直接到就医地医院就医即可/)).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  // Nothing was saved.
  await page.goto("/me/filings/new/category");
  await expect(page.getByLabel(/^异地急诊抢救人员/)).not.toBeChecked();

  // A referral with only the undertaking is refused at the evidence step.
  await page.getByLabel(/^异地转诊转院人员/).check();
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(page).toHaveURL(/\/me\/filings\/new$/);
  await step(page, "3. 证明材料或个人承诺");
  await page.getByLabel("签署个人承诺书", { exact: true }).check();
  await page.getByLabel("我已阅读并签署个人承诺书").check();
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(page.getByText(/个人承诺书不能代替/).last()).toBeVisible();
  await page.getByLabel("提供证明材料", { exact: true }).check();
  await page.getByLabel("选择要上传的文件").setInputFiles({ name: "转诊证明.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "上传所选文件" }).click();
  await expect(page.getByRole("link", { name: "转诊证明.pdf" })).toBeVisible();
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(page).toHaveURL(/\/me\/filings\/new$/);

  await step(page, "4. 检查您的答案");
  await expect(page.getByText(/报销比例可能比在参保地低，最多低 10 个百分点/)).toBeVisible();
  await expect(page.getByText(/依据：医保发〔2022〕22号/)).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByText(/by up to 10 percentage points/)).toBeVisible();
});
