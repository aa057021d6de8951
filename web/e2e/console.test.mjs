// The console in a real browser (Debian's Chromium, driven by playwright-core) against the real system.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { createServer } from "node:http";
import { after, before, test } from "node:test";
import { complaint, launchBrowser, row, signIn as signInTo } from "./browser.mjs";
import { artifacts, loginToken, postComplaint, setPolicy, startSystem } from "./system.mjs";

const screenshots = `${artifacts}screenshots/`;
let system;
let browser;

before(async () => {
  mkdirSync(screenshots, { recursive: true });
  system = await startSystem();
  // Short P1 deadlines so that a complaint left alone warns after 4 s and escalates after 8 s of real time.
  await setPolicy(system.urls[0], "P1", { firstResponse: "00:00:08" });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await system?.stop();
});

const signIn = (username, url = system.urls[0]) => signInTo(browser, url, username);
const sla = (page, externalId) => row(page, externalId).locator("td[data-sla]");

test("a posted complaint appears live with a running countdown, warns, and a response turns it green", async () => {
  const agent = await signIn("agent1");
  const externalId = `e2e-live-${Date.now()}`;
  const posted = Date.now();
  await postComplaint(system.urls[0], complaint(externalId, { priority: "P1" }));
  await row(agent, externalId).waitFor({ timeout: 5000 });
  console.log(`# complaint visible in the agent's queue ${Date.now() - posted} ms after the post`);
  assert.equal(await sla(agent, externalId).getAttribute("data-sla"), "onTrack");
  assert.ok(Number(await agent.getByTestId("badge").textContent()) >= 1, "the badge counts the new complaint");
  await agent.getByTestId("toasts").getByText("New complaint").first().waitFor();

  const countdown = row(agent, externalId).locator(".countdown");
  const first = await countdown.textContent();
  await agent.waitForFunction(([id, before]) => document.querySelector(`tr[data-external-id="${id}"] .countdown`)?.textContent !== before, [externalId, first]);

  await sla(agent, externalId).and(agent.locator('[data-sla="warning"]')).waitFor({ timeout: 10000 });
  await row(agent, externalId).getByRole("button", { name: /Open/ }).click();
  await agent.getByLabel("Response to the customer").fill("Vabandame! Teie tellimus saadeti teele; pakume 30% allahindlust.");
  await agent.getByRole("button", { name: "Send response" }).click();
  await sla(agent, externalId).and(agent.locator('[data-sla="onTrack"]')).waitFor();
  assert.equal(await row(agent, externalId).locator("td").nth(5).textContent(), "responded");
  await agent.screenshot({ path: `${screenshots}agent-view.png` });
  assert.deepEqual(agent.errors, []);
});

test("a complaint left alone escalates to the supervisor, who acknowledges it", async () => {
  const supervisor = await signIn("supervisor1", system.urls[1]);
  const agent = await signIn("agent1");
  const externalId = `e2e-alone-${Date.now()}`;
  await postComplaint(system.urls[0], complaint(externalId, { priority: "P1" }));
  await sla(agent, externalId).and(agent.locator('[data-sla="warning"]')).waitFor({ timeout: 10000 });

  const escalation = supervisor.getByTestId("escalations").locator(`tr[data-external-id="${externalId}"]`);
  await escalation.waitFor({ timeout: 15000 });
  assert.equal(await escalation.locator(".level").textContent(), "1");
  await sla(supervisor, externalId).and(supervisor.locator('[data-sla="breached"]')).waitFor();
  await supervisor.getByTestId("toasts").getByText(/Escalated/).first().waitFor();
  await supervisor.getByRole("button", { name: "Team" }).click();
  await supervisor.getByTestId("team-load").getByText("agent1").waitFor();
  await supervisor.getByRole("button", { name: "Escalations" }).click();
  await supervisor.screenshot({ path: `${screenshots}supervisor-view.png` });

  await escalation.getByRole("button", { name: /Open/ }).click();
  await supervisor.getByRole("button", { name: "Acknowledge" }).click();
  await escalation.waitFor({ state: "detached" });
  assert.deepEqual(supervisor.errors, []);
  assert.deepEqual(agent.errors, []);
});

test("complaint text is shown as text, never as HTML, and its links open safely", async () => {
  const agent = await signIn("agent1");
  const externalId = `e2e-xss-${Date.now()}`;
  const hostile = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> Teie arve on vale`;
  const attachment = { url: "https://cdn.example/arve.pdf", name: `<b onmouseover="window.__xss=3">arve</b>.pdf`, contentType: "application/pdf" };
  await postComplaint(system.urls[0], complaint(externalId, { text: hostile, url: "https://facebook.example/posts/1", attachments: [attachment] }));
  await row(agent, externalId).getByRole("button", { name: /Open/ }).click();
  const text = agent.getByTestId("complaint-text");
  assert.equal(await text.textContent(), hostile);
  assert.equal(await text.locator("img, script").count(), 0);
  const link = agent.getByTestId("attachments").getByRole("link");
  assert.equal(await link.textContent(), attachment.name);
  assert.equal(await link.getAttribute("href"), attachment.url);
  assert.equal(await link.getAttribute("rel"), "noopener noreferrer");
  assert.equal(await agent.getByTestId("attachments").locator("b").count(), 0);
  assert.equal(await agent.getByTestId("original-post").getAttribute("rel"), "noopener noreferrer");
  assert.equal(await agent.evaluate(() => window.__xss), undefined);
  assert.deepEqual(agent.errors, []);
});

test("a dropped connection shows the banner, and after reconnecting the queue is resynchronised", async () => {
  const agent = await signIn("agent1");
  const banner = agent.getByTestId("connection-banner");
  await system.stopApi(0);
  await banner.waitFor();
  assert.match(await banner.textContent(), /Reconnecting/);

  // Created through the other api instance while this console is cut off: only the resync can show it.
  const externalId = `e2e-missed-${Date.now()}`;
  await postComplaint(system.urls[1], complaint(externalId));
  await system.startApi(0);
  await banner.waitFor({ state: "hidden", timeout: 20000 });
  await row(agent, externalId).waitFor();
  // Chromium reports the failed network requests of the outage (refused, reset, empty); nothing else may have gone wrong.
  assert.deepEqual(agent.errors.filter((error) => !/net::ERR_|WebSocket connection/.test(error)), []);
});

test("the console works from the keyboard and in Estonian", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto(system.urls[0]);
  await page.getByLabel("Language").selectOption("et");
  await page.getByLabel("Kasutajanimi").focus();
  await page.keyboard.type("agent2");
  await page.keyboard.press("Tab");
  await page.keyboard.type("demo");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Järjekord" }).waitFor();

  const externalId = `e2e-keys-${Date.now()}`;
  await postComplaint(system.urls[0], complaint(externalId));
  const open = row(page, externalId).getByRole("button", { name: /Ava/ });
  await open.focus();
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: /Mari Maasikas/ }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "panel-title");

  // Every control carries a name a screen reader announces.
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll("button, input, select, textarea")]
      .filter((el) => !(el.getAttribute("aria-label") || el.labels?.length || el.textContent.trim()))
      .map((el) => el.outerHTML),
  );
  assert.deepEqual(unnamed, []);
  assert.deepEqual(errors, []);
});

test("the dashboard's chart changes when a complaint resolves", async () => {
  const supervisor = await signIn("supervisor1");
  await supervisor.getByRole("button", { name: "Dashboard" }).click();
  const chart = supervisor.getByTestId("activity-chart");
  await chart.waitFor();
  const resolved = async () => JSON.parse(await chart.getAttribute("data-values"))[0][2];
  const trend = supervisor.getByTestId("nps-trend-chart");
  await trend.waitFor();
  await supervisor.waitForFunction(() => JSON.parse(document.querySelector('[data-testid="nps-trend-chart"]').dataset.values)[0].length === 6);
  const before = await resolved();

  const { complaintId } = await postComplaint(system.urls[0], complaint(`e2e-dashboard-${Date.now()}`));
  const token = await loginToken(system.urls[0], "agent1");
  const response = await fetch(`${system.urls[0]}/api/complaints/${complaintId}/resolve`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify({ note: "Resolved from the test" }),
  });
  assert.equal(response.status, 200);
  await supervisor.waitForFunction(
    (count) => JSON.parse(document.querySelector('[data-testid="activity-chart"]').dataset.values)[0][2] > count,
    before,
  );
  assert.equal(await resolved(), before + 1);
  await supervisor.screenshot({ path: `${screenshots}dashboard-view.png`, fullPage: true });
  assert.deepEqual(supervisor.errors, []);
});

test("a response to a channel with an outbound address shows its delivery: failed with a retry, then delivered with a link", async () => {
  // A stand-in connector: refuses every reply until told to accept, then answers with the reply's address.
  let accept = false;
  const replies = [];
  const connector = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      replies.push({ body: JSON.parse(body), signature: request.headers["x-escalation-signature"] });
      response.writeHead(accept ? 200 : 503, { "Content-Type": "application/json" });
      response.end(accept ? JSON.stringify({ externalReplyId: "r-1", url: "https://social.example/replies/1" }) : "");
    });
  });
  await new Promise((resolve) => connector.listen(0, "127.0.0.1", resolve));
  try {
    const secret = "e2e-outbound-secret-0123456789";
    const token = await loginToken(system.urls[0], "admin");
    const put = await fetch(`${system.urls[0]}/api/channels/e2e-outbound`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify({ secret, team: "care", outboundUrl: `http://127.0.0.1:${connector.address().port}/replies` }),
    });
    assert.ok(put.ok, `the channel was not saved: ${put.status}`);
    const externalId = `e2e-out-${Date.now()}`;
    await postComplaint(system.urls[0], complaint(externalId, { priority: "P3" }), { channel: "e2e-outbound", secret });

    const agent = await signIn("agent1");
    await row(agent, externalId).getByRole("button", { name: /Open/ }).click();
    await agent.getByLabel("Response to the customer").fill("Vabandame! Saadame uue kapi homme.");
    await agent.getByRole("button", { name: "Send response" }).click();
    const delivery = agent.getByTestId("delivery");
    await delivery.getByText("Send again").waitFor({ timeout: 15000 });
    assert.ok(replies.length >= 1, "the connector was tried");
    assert.equal(replies[0].body.text, "Vabandame! Saadame uue kapi homme.");

    accept = true;
    await delivery.getByRole("button", { name: "Send again" }).click();
    const link = delivery.getByRole("link", { name: "open the reply" });
    await link.waitFor({ timeout: 10000 });
    assert.equal(await link.getAttribute("href"), "https://social.example/replies/1");
    assert.equal(await link.getAttribute("rel"), "noopener noreferrer");
    assert.ok(new Set(replies.map((reply) => reply.body.deliveryId)).size === 1, "every attempt carries the same deliveryId");
    await agent.screenshot({ path: `${screenshots}delivery.png` });
    assert.deepEqual(agent.errors, []);
  } finally {
    connector.close();
  }
});

test("a supervisor sees an id with the same e-mail as possibly the same customer and merges it", async () => {
  const stamp = Date.now();
  const email = `mari.${stamp}@example.com`;
  const facebookId = `fb:e2e-merge-${stamp}`;
  const mailId = `mail:${email}`;
  const externalId = `e2e-merge-${stamp}`;
  await postComplaint(system.urls[0], complaint(`${externalId}-mail`, { customer: { id: mailId, email } }));
  await postComplaint(system.urls[0], complaint(externalId, { customer: { id: facebookId, name: "Mari Maasikas", email: email.toUpperCase() } }));

  const supervisor = await signIn("supervisor1");
  await supervisor.getByRole("button", { name: "Queue" }).click();
  await supervisor.getByTestId("search").fill(facebookId);
  await row(supervisor, externalId).getByRole("button", { name: /Open/ }).click();
  const suggestions = supervisor.getByRole("list", { name: "Possibly the same customer" });
  await suggestions.getByText(mailId).waitFor();
  await suggestions.getByRole("button", { name: "Merge" }).click();
  await supervisor.getByTestId("merged-ids").getByText(mailId).waitFor();
  assert.match(await supervisor.getByTestId("customer-history").textContent(), /Complaints in the last 90 days: 2/);
  await suggestions.waitFor({ state: "detached" });
  assert.deepEqual(supervisor.errors, []);
});
