// Starts the real system for the browser tests: one silo and two api instances (embedded default) on their own
// ports, from the builds the test command has just made. Each process logs to artifacts/e2e/.
import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { createWriteStream, mkdirSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";

const root = new URL("../../", import.meta.url).pathname;
export const artifacts = `${root}artifacts/`;
const logs = `${artifacts}e2e/`;
const siloPort = 11611;
const gatewayPort = 30611;
export const apiPorts = [5611, 5612];

function launch(project, name, label, args, env) {
  mkdirSync(logs, { recursive: true });
  const child = spawn("dotnet", [`bin/Debug/net10.0/${name}.dll`, ...args], {
    cwd: `${root}${project}`,
    env: { ...process.env, ...env, ASPNETCORE_ENVIRONMENT: "Production", DOTNET_ENVIRONMENT: "Production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = createWriteStream(`${logs}${label}.log`, { flags: "a" });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  return child;
}

async function waitReady(url) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await delay(100);
  }
  throw new Error(`${url} did not become ready`);
}

export async function startSystem() {
  const silo = launch("silo", "Escalation.Silo", "silo", [], {
    Cluster__SiloPort: `${siloPort}`,
    Cluster__GatewayPort: `${gatewayPort}`,
    Cluster__PrimarySiloPort: `${siloPort}`,
    // A response's delivery is given up after 6 s instead of a day, so that a browser test sees it fail.
    Escalation__OutboundGiveUpAfter: "00:00:06",
  });
  const apis = apiPorts.map(() => null);
  const urls = apiPorts.map((port) => `http://127.0.0.1:${port}`);
  const startApi = async (index) => {
    apis[index] = launch("api", "Escalation.Api", `api-${apiPorts[index]}`, ["--urls", urls[index]], { Cluster__GatewayPort: `${gatewayPort}` });
    await waitReady(urls[index]);
  };
  const stopApi = async (index) => {
    const child = apis[index];
    apis[index] = null;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    }
  };
  await Promise.all(urls.map((_, index) => startApi(index)));
  return {
    urls,
    startApi,
    stopApi,
    async stop() {
      await Promise.all(urls.map((_, index) => stopApi(index)));
      const exited = new Promise((resolve) => silo.once("exit", resolve));
      silo.kill("SIGTERM");
      await exited;
    },
  };
}

/** Posts a complaint as a connector would: HMAC-SHA256 over "timestamp.body" with the channel secret. */
export async function postComplaint(url, complaint, { channel = "facebook", secret = "dev-secret" } = {}) {
  const body = JSON.stringify(complaint);
  const timestamp = `${Math.floor(Date.now() / 1000)}`;
  const signature = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  const response = await fetch(`${url}/api/connectors/${channel}/complaints`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Escalation-Timestamp": timestamp, "X-Escalation-Signature": `sha256=${signature}` },
    body,
  });
  if (response.status !== 202) throw new Error(`ingestion answered ${response.status}: ${await response.text()}`);
  return response.json();
}

export async function loginToken(url, username) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password: "demo" }),
  });
  return (await response.json()).accessToken;
}

/** Sets a priority's SLA policy as the admin, on the 24x7 calendar: short deadlines make a test's complaint warn and escalate within seconds. */
export async function setPolicy(url, priority, { firstResponse, escalationAcknowledge = "00:01:00" }) {
  const response = await fetch(`${url}/api/sla/policies/${priority}`, {
    method: "PUT",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${await loginToken(url, "admin")}` },
    body: JSON.stringify({ firstResponse, nextResponse: "00:00:30", resolution: "00:10:00", warningAt: 0.5, escalationAcknowledge, calendar: "24x7" }),
  });
  if (response.status !== 200) throw new Error(`setting the ${priority} policy answered ${response.status}: ${await response.text()}`);
}
