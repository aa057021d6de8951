// The paged queue in a real browser against the real system: previews, infinite scroll, search, the at-risk view and
// toasts that keep clear of the open complaint.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { complaint, launchBrowser, row, signIn } from "./browser.mjs";
import { artifacts, loginToken, postComplaint, startSystem } from "./system.mjs";

/** The console's page size (web/src/complaintList.ts). */
const PAGE_SIZE = 50;
let system;
let browser;

before(async () => {
  system = await startSystem();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await system?.stop();
});

const rows = (page, testId = "queue") => page.getByTestId(testId).locator("tbody tr");
const count = async (page) => (await page.getByTestId("list-count").textContent()).split(" of ").map(Number);

test("the queue shows what each complaint says, and loads the next page as the agent scrolls", async () => {
  const stamp = Date.now();
  const posts = [];
  for (let i = 0; i < PAGE_SIZE + 15; i++) {
    posts.push(postComplaint(system.urls[0], complaint(`e2e-page-${stamp}-${i}`, { priority: "P4", text: `Arve number ${i} on topelt makstud.` })));
  }
  await Promise.all(posts);
  const agent = await signIn(browser, system.urls[0], "agent1");
  await rows(agent).nth(PAGE_SIZE - 1).waitFor();
  const [loaded, total] = await count(agent);
  assert.equal(loaded, PAGE_SIZE);
  assert.ok(total >= PAGE_SIZE + 15, `X-Total-Count ${total}`);
  assert.match(await rows(agent).first().getByTestId("preview").textContent(), /on topelt makstud\./);

  await agent.getByTestId("sentinel").scrollIntoViewIfNeeded();
  await rows(agent).nth(PAGE_SIZE).waitFor();
  await agent.waitForFunction((expected) => document.querySelectorAll('[data-testid="queue"] tbody tr').length === expected, Math.min(total, 2 * PAGE_SIZE));
  const ids = await rows(agent).evaluateAll((trs) => trs.map((tr) => tr.dataset.complaint));
  assert.equal(new Set(ids).size, ids.length, "no row twice");
  assert.deepEqual(await count(agent), [ids.length, total]);
  assert.deepEqual(agent.errors, []);
});

test("search finds a complaint whatever the case and diacritics, and its preview is cut and shown as text", async () => {
  const stamp = Date.now();
  const externalId = `e2e-search-${stamp}`;
  const text = `Õhtul saabunud šokolaaditahvel ${stamp} oli sulanud, <b>ümbris</b> katki ja žele läbi. `.repeat(6);
  await postComplaint(system.urls[0], complaint(externalId, { text, customer: { id: `fb:${externalId}`, name: "Žaneta Öövel" } }));
  const agent = await signIn(browser, system.urls[0], "agent2");
  await agent.getByTestId("search").fill(`OHTUL SAABUNUD SOKOLAADITAHVEL ${stamp}`);
  await agent.waitForFunction(() => document.querySelectorAll('[data-testid="queue"] tbody tr').length === 1);
  await row(agent, externalId).waitFor();
  assert.deepEqual(await count(agent), [1, 1]);
  const preview = row(agent, externalId).getByTestId("preview");
  assert.equal(await preview.textContent(), `${text.slice(0, 280)}…`);
  assert.equal(await preview.locator("b").count(), 0);

  await agent.getByTestId("search").fill("zaneta oovel");
  await agent.waitForFunction(() => document.querySelectorAll('[data-testid="queue"] tbody tr').length === 1);
  await row(agent, externalId).waitFor();
  await agent.getByTestId("search").fill("");
  await rows(agent).nth(1).waitFor();
  assert.deepEqual(agent.errors, []);
});

test("a supervisor's at-risk view lists what falls due within 15 minutes, live", async () => {
  const stamp = Date.now();
  await postComplaint(system.urls[0], complaint(`e2e-risk-p1-${stamp}`, { priority: "P1" }));
  await postComplaint(system.urls[0], complaint(`e2e-risk-p4-${stamp}`, { priority: "P4" }));
  const supervisor = await signIn(browser, system.urls[0], "supervisor1");
  await supervisor.getByRole("button", { name: "At risk" }).click();
  await row(supervisor, `e2e-risk-p1-${stamp}`).waitFor();
  assert.equal(await row(supervisor, `e2e-risk-p4-${stamp}`).count(), 0, "P4 is due in 8 hours");
  const [loaded, total] = await count(supervisor);
  assert.equal(loaded, total);

  const live = `e2e-risk-live-${stamp}`;
  await postComplaint(system.urls[0], complaint(live, { priority: "P1" }));
  await supervisor.getByTestId("at-risk").locator(`tr[data-external-id="${live}"]`).waitFor();
  assert.deepEqual(await count(supervisor), [loaded + 1, total + 1]);
  assert.deepEqual(supervisor.errors, []);
});

test("filters ask again from the first page: priority, and the agent's own complaints", async () => {
  const { complaintId } = await postComplaint(system.urls[0], complaint(`e2e-mine-${Date.now()}`, { priority: "P4" }));
  const assigned = await fetch(`${system.urls[0]}/api/complaints/${complaintId}/assign`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${await loginToken(system.urls[0], "supervisor1")}` },
    body: JSON.stringify({ agent: "agent1" }),
  });
  assert.equal(assigned.status, 200);
  const agent = await signIn(browser, system.urls[0], "agent1");
  await rows(agent).first().waitFor();
  const [, teamTotal] = await count(agent);
  // Answered once nothing is loading and every row shown passes: the rows of the previous query fail.
  const answered = (column, value) =>
    agent.waitForFunction(
      ([column, value]) => {
        const trs = [...document.querySelectorAll('[data-testid="queue"] tbody tr')];
        return !document.querySelector('[data-testid="loading"]') && trs.length > 0 && trs.every((tr) => tr.cells[column].textContent === value);
      },
      [column, value],
    );
  await agent.getByLabel("Priority").selectOption("P1");
  await answered(0, "P1");
  const [loaded, total] = await count(agent);
  assert.equal(loaded, await rows(agent).count());
  assert.ok(total >= 2 && total < teamTotal, `${total} P1 of ${teamTotal}`);

  await agent.getByLabel("Priority").selectOption("");
  await agent.getByText(`${PAGE_SIZE} of ${teamTotal}`).waitFor();
  await agent.getByLabel("Mine").check();
  await answered(6, "agent1");
  assert.ok((await count(agent))[1] < teamTotal);
  assert.deepEqual(agent.errors, []);
});

test("toasts never cover the open complaint", async () => {
  const intersects = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  for (const viewport of [{ width: 1400, height: 900 }, { width: 800, height: 600 }]) {
    const agent = await signIn(browser, system.urls[0], "agent1", viewport);
    const opened = `e2e-toast-open-${Date.now()}`;
    await postComplaint(system.urls[0], complaint(opened, { priority: "P1" }));
    await row(agent, opened).getByRole("button", { name: /Open/ }).click();
    const panel = agent.getByTestId("complaint-panel");
    await panel.locator(".timeline li").first().waitFor();
    const name = `Toast ${viewport.width}`;
    await postComplaint(system.urls[0], complaint(`e2e-toast-new-${Date.now()}`, { customer: { id: `fb:toast-${Date.now()}`, name } }));
    await agent.getByTestId("toasts").getByText(name).waitFor();
    const toasts = await agent.getByTestId("toasts").boundingBox();
    assert.ok(!intersects(toasts, await panel.boundingBox()), `toasts ${JSON.stringify(toasts)} over the panel at ${viewport.width}×${viewport.height}`);
    await agent.screenshot({ path: `${artifacts}screenshots/queue-panel-toast-${viewport.width}.png` });
    assert.deepEqual(agent.errors, []);
    await agent.context().close();
  }
});
