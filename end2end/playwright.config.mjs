// Browser journeys in Debian's Chromium (Playwright's own browser download cannot work here).
// Every test runs on a phone with JavaScript on, a phone with JavaScript off, and a desktop.
import { defineConfig } from "@playwright/test";
import { execSync } from "node:child_process";

const chromium = process.env.CHROMIUM_PATH || execSync("command -v chromium").toString().trim();
const launchOptions = {
  executablePath: chromium,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};
const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

export default defineConfig({
  testDir: "./tests",
  testMatch: "*.spec.mjs",
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  use: { baseURL: process.env.BASE_URL || "http://127.0.0.1:3000", launchOptions, locale: "zh-CN" },
  projects: [
    { name: "phone-js", use: { ...phone } },
    { name: "phone-nojs", use: { ...phone, javaScriptEnabled: false } },
    { name: "desktop-js", use: { viewport: { width: 1280, height: 800 } } },
  ],
});
