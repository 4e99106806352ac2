// The first-load budget (issue 15, DESIGN §1), measured as served with brotli: bytes are
// deterministic, so the budget is a test. It fetches over HTTP, not through the browser,
// so it runs once (in the desktop project).
import { test, expect, CITIZEN, PASSWORD } from "./support.mjs";
import {
  BUDGET_BYTES, CITIZEN_PAGES, EXTRA_PAGE_BYTES, firstLoad, plainBytes, signInCookie,
} from "../first-load.mjs";

test.beforeEach(() => {
  test.skip(test.info().project.name !== "desktop-js", "measured once, over HTTP");
});

test("a citizen's first load fits the phone budget", async ({ baseURL }) => {
  const cookie = await signInCookie(baseURL, CITIZEN, PASSWORD);
  const login = await firstLoad(baseURL, "/login");
  const home = await firstLoad(baseURL, "/me", cookie);
  for (const load of [login, home]) {
    expect(load.files.some((f) => f.file.endsWith(".wasm")), `${load.path} hydrates`).toBe(true);
    expect(load.files.every((f) => f.encoding === "br"), `${load.path} is served as brotli`).toBe(true);
    expect(load.total, `${load.path}: ${JSON.stringify(load.files)}`).toBeLessThanOrEqual(BUDGET_BYTES);
  }
  for (const path of CITIZEN_PAGES) {
    const load = await firstLoad(baseURL, path, cookie);
    expect(load.total, `${path}: ${JSON.stringify(load.files)}`).toBeLessThanOrEqual(home.total + EXTRA_PAGE_BYTES);
  }
});

test("the browser code carries no page texts and no staff views", async ({ baseURL }) => {
  const { files } = await firstLoad(baseURL, "/login");
  const code = Buffer.concat(await Promise.all(
    files.filter((f) => /\.(wasm|js)$/.test(f.file)).map((f) => plainBytes(baseURL, f.file)),
  )).toString("utf8");
  // Texts of both languages (the layout's, a citizen page's) and of staff pages.
  for (const text of ["跳到主要内容", "Skip to main content", "登录金保", "Sign in to Jinbao",
                      "工作人员账号", "Staff accounts"]) {
    expect(code.includes(text), `the browser code contains "${text}"`).toBe(false);
  }
});
