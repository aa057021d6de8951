// Escalation chains and rosters in a real browser against the real system: a supervisor sets the team's chain and
// roster in the team settings, and watches the SLA report as a complaint misses its deadline and climbs the chain.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { complaint, launchBrowser, signIn as signInTo } from "./browser.mjs";
import { artifacts, postComplaint, setPolicy, startSystem } from "./system.mjs";

const screenshots = `${artifacts}screenshots/`;
let system;
let browser;

before(async () => {
  mkdirSync(screenshots, { recursive: true });
  system = await startSystem();
  // Short deadlines: a P2 complaint left alone misses its first response after 4 s of real time. P1 alike, as the
  // chain raises the priority on its way.
  for (const priority of ["P1", "P2"]) await setPolicy(system.urls[0], priority, { firstResponse: "00:00:04" });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await system?.stop();
});

const signIn = (username) => signInTo(browser, system.urls[0], username);

/** Keeps every toast the page shows from now on in `window.toastLog`: toasts fade, the log stays. */
const logToasts = (page) =>
  page.evaluate(() => {
    window.toastLog = [];
    const toasts = document.querySelector('[data-testid="toasts"]');
    new MutationObserver(() => {
      for (const toast of toasts.querySelectorAll(".toast span")) {
        if (!window.toastLog.includes(toast.textContent)) window.toastLog.push(toast.textContent);
      }
    }).observe(toasts, { childList: true, subtree: true, characterData: true });
  });
const toastShown = (page, start) => page.waitForFunction((start) => window.toastLog.some((text) => text.startsWith(start)), start);
const toastsShown = (page) => page.evaluate(() => window.toastLog);

/** The team settings' level `n` of the escalation chain (a fieldset named "Level n"). */
const level = (page, n) => page.getByTestId("escalation-chain").getByRole("group", { name: `Level ${n}`, exact: true });
const field = (group, label) => group.getByLabel(label, { exact: true });

test("a supervisor sets a three-level chain and sees the report change when a complaint breaches", async () => {
  const manager = await signIn("manager1");
  await logToasts(manager);
  const supervisor = await signIn("supervisor1");
  await supervisor.getByRole("button", { name: "Team", exact: true }).click();

  // Until the team sets one, its chain is the default: the supervisors at the deadline, the managers after the
  // policy's acknowledgement time.
  await level(supervisor, 2).waitFor();
  assert.equal(await field(level(supervisor, 1), "After").inputValue(), "00:00:00");
  assert.ok(await field(level(supervisor, 1), "Supervisors").isChecked());
  assert.equal(await field(level(supervisor, 2), "After").inputValue(), "");
  assert.ok(await field(level(supervisor, 2), "Managers").isChecked());
  assert.equal(await level(supervisor, 3).count(), 0);

  await field(level(supervisor, 2), "After").fill("00:00:02");
  await field(level(supervisor, 2), "Managers").uncheck();
  await field(level(supervisor, 2), "Supervisors on duty").check();
  await field(level(supervisor, 2), "Raise priority").check();
  const chain = supervisor.getByTestId("escalation-chain");
  await chain.getByRole("button", { name: "Add level" }).click();
  await field(level(supervisor, 3), "After").fill("00:00:02");
  await field(level(supervisor, 3), "Managers").check();
  await chain.getByRole("button", { name: "Save chain" }).click();
  await supervisor.getByTestId("chain-feedback").getByText("Saved.").waitFor();

  // Saved on the server: a reloaded console shows the three levels.
  await supervisor.reload();
  await supervisor.getByText("supervisor1 ·").waitFor();
  await supervisor.getByTestId("connection-banner").waitFor({ state: "hidden" });
  await supervisor.getByRole("button", { name: "Team", exact: true }).click();
  await level(supervisor, 3).waitFor();
  assert.equal(await level(supervisor, 4).count(), 0);
  assert.equal(await field(level(supervisor, 1), "After").inputValue(), "00:00:00");
  assert.ok(await field(level(supervisor, 1), "Supervisors").isChecked());
  assert.equal(await field(level(supervisor, 2), "After").inputValue(), "00:00:02");
  assert.ok(await field(level(supervisor, 2), "Supervisors on duty").isChecked());
  assert.ok(!(await field(level(supervisor, 2), "Managers").isChecked()));
  assert.ok(await field(level(supervisor, 2), "Raise priority").isChecked());
  assert.equal(await field(level(supervisor, 3), "After").inputValue(), "00:00:02");
  assert.ok(await field(level(supervisor, 3), "Managers").isChecked());
  assert.ok(!(await field(level(supervisor, 3), "Supervisors").isChecked()));
  await supervisor.screenshot({ path: `${screenshots}team-settings.png`, fullPage: true });

  await logToasts(supervisor);
  await supervisor.getByRole("button", { name: "SLA report" }).click();
  await supervisor.getByLabel("Group by").selectOption("team");
  await supervisor.locator('[data-testid="sla-report"][data-group-by="team"]').waitFor();
  const total = supervisor.getByTestId("sla-total");
  const figures = async () => ({ missed: Number(await total.getAttribute("data-missed")), escalations: Number(await total.getAttribute("data-escalations")) });
  const before = await figures();

  // Nobody answers: the first response is missed after 4 s; level 1 tells the supervisors, level 2 (2 s later) those
  // on duty (nobody is on the roster: all supervisors) and raises P2 to P1, level 3 (2 s later) the managers.
  const externalId = `e2e-chain-${Date.now()}`;
  const customer = "Kalle Kaebaja";
  const { complaintId } = await postComplaint(system.urls[0], complaint(externalId, { priority: "P2", customer: { id: `fb:${externalId}`, name: customer } }));

  // The report follows without a reload.
  await supervisor.waitForFunction(
    ([missed, escalations]) => {
      const row = document.querySelector('[data-testid="sla-total"]');
      return Number(row?.dataset.missed) > missed && Number(row?.dataset.escalations) > escalations;
    },
    [before.missed, before.escalations],
  );
  const care = supervisor.getByTestId("sla-report").locator('tr[data-key="care"]');
  assert.ok(Number(await care.locator('td[data-column="missed"]').textContent()) >= 1);
  const breach = supervisor.getByTestId("breaches").locator(`tr[data-complaint="${complaintId}"]`);
  await breach.waitFor();
  assert.match(await breach.textContent(), /first response/);
  assert.match(await breach.textContent(), /not answered/);
  const after = await figures();
  console.log(`# report before ${JSON.stringify(before)}, after the breach ${JSON.stringify(after)}`);

  // Each level reaches the consoles its targets name, and no others.
  await toastShown(supervisor, `Escalated (Level 1): ${customer}`);
  await toastShown(supervisor, `Escalated (Level 2): ${customer}`);
  await toastShown(manager, `Escalated (Level 3): ${customer}`);
  assert.deepEqual((await toastsShown(manager)).filter((text) => /^Escalated \(Level [12]\)/.test(text) && text.includes(customer)), []);

  // The complaint, opened from the breach list with the keyboard (the alerts' toasts may lie over it, bottom left): the chain's steps on its timeline.
  await breach.getByRole("button", { name: new RegExp(complaintId) }).press("Enter");
  const panel = supervisor.getByTestId("complaint-panel");
  const escalated = (n) => panel.locator('.timeline li[data-type="escalated"]').filter({ hasText: `Level ${n}` });
  await escalated(3).waitFor();
  assert.match(await escalated(1).textContent(), /notified: .*\bsupervisor1\b/);
  assert.match(await escalated(2).textContent(), /notified: .*\bsupervisor1\b/);
  assert.doesNotMatch(await escalated(2).textContent(), /manager1/);
  assert.match(await escalated(3).textContent(), /notified: .*\bmanager1\b/);
  assert.doesNotMatch(await escalated(3).textContent(), /supervisor1/);
  await panel.locator('.timeline li[data-type="priorityChanged"]').filter({ hasText: "P2 → P1" }).waitFor();
  assert.equal(await panel.getByTestId("sla-policy").textContent(), "SLA policy: default");
  await supervisor.screenshot({ path: `${screenshots}sla-report.png`, fullPage: true });
  assert.deepEqual((await toastsShown(supervisor)).filter((text) => /^Escalated \(Level 3\)/.test(text) && text.includes(customer)), []);

  // The same report as CSV, fetched with the console's token.
  const [download] = await Promise.all([supervisor.waitForEvent("download"), supervisor.getByRole("button", { name: "Export CSV" }).click()]);
  assert.match(download.suggestedFilename(), /^sla-report-care-team-.*\.csv$/);
  assert.match(await readFile(await download.path(), "utf8"), /care/);

  assert.deepEqual(supervisor.errors, []);
  assert.deepEqual(manager.errors, []);
});

test("a supervisor puts themselves on duty with a roster override and a weekly shift", async () => {
  const supervisor = await signIn("supervisor1");
  await supervisor.getByRole("button", { name: "Team", exact: true }).click();
  const roster = supervisor.getByTestId("roster");
  await roster.getByLabel("Time zone").waitFor();

  await roster.getByLabel("Time zone").fill("Europe/Tallinn");
  await roster.getByRole("button", { name: "Add shift" }).click();
  const shift = roster.getByRole("group", { name: "Shift 1", exact: true });
  await field(shift, "User").fill("supervisor1");
  await field(shift, "Saturday").check();
  await field(shift, "From").fill("22:00");
  await field(shift, "To").fill("06:00");

  // datetime-local values are the browser's local time, as this process's.
  const local = (time) => {
    const d = new Date(time);
    const pad = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  };
  await roster.getByRole("button", { name: "Add override" }).click();
  const override = roster.getByRole("group", { name: "Override 1", exact: true });
  await field(override, "User").fill("supervisor1");
  await field(override, "From").fill(local(Date.now() - 3600_000));
  await field(override, "To").fill(local(Date.now() + 3600_000));
  await roster.getByRole("button", { name: "Save roster" }).click();
  await supervisor.getByTestId("roster-feedback").getByText("Saved.").waitFor();
  // The override covers now (with nobody on shift the api would name every supervisor of the team as well).
  assert.match(await supervisor.getByTestId("on-duty").textContent(), /On duty now: supervisor1/);

  await supervisor.reload();
  await supervisor.getByText("supervisor1 ·").waitFor();
  await supervisor.getByRole("button", { name: "Team", exact: true }).click();
  await supervisor.getByTestId("roster").getByRole("group", { name: "Override 1", exact: true }).waitFor();
  const saved = supervisor.getByTestId("roster");
  assert.equal(await saved.getByLabel("Time zone").inputValue(), "Europe/Tallinn");
  const savedShift = saved.getByRole("group", { name: "Shift 1", exact: true });
  assert.equal(await field(savedShift, "User").inputValue(), "supervisor1");
  assert.equal(await field(savedShift, "From").inputValue(), "22:00");
  assert.equal(await field(savedShift, "To").inputValue(), "06:00");
  assert.ok(await field(savedShift, "Monday").isChecked());
  assert.ok(await field(savedShift, "Saturday").isChecked());
  assert.ok(!(await field(savedShift, "Sunday").isChecked()));
  assert.match(await supervisor.getByTestId("on-duty").textContent(), /On duty now: supervisor1/);
  assert.deepEqual(supervisor.errors, []);
});
