// The browser side of the e2e tests: Debian's Chromium driven by playwright-core, and a signed-in console page.
import { chromium } from "playwright-core";

export const launchBrowser = () =>
  chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });

/** A signed-in console in a fresh browser context; console errors and page errors are collected in `page.errors`. */
export async function signIn(browser, url, username, viewport = { width: 1400, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.errors = [];
  page.on("console", (message) => message.type() === "error" && page.errors.push(message.text()));
  page.on("pageerror", (error) => page.errors.push(String(error)));
  await page.goto(url);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText(`${username} ·`).waitFor();
  await page.getByTestId("connection-banner").waitFor({ state: "hidden" });
  return page;
}

export const row = (page, externalId) => page.locator(`tr[data-external-id="${externalId}"]`);

/** A complaint as a connector posts it, from Mari Maasikas on Facebook unless `extra` says otherwise. */
export const complaint = (externalId, extra = {}) => ({
  externalId,
  customer: { id: `fb:${externalId}`, name: "Mari Maasikas" },
  text: "Tellimus pole kolme nädala jooksul kohale jõudnud!",
  public: true,
  ...extra,
});
