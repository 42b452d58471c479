// Renders the Kustomize base and overlays without kustomize, validates every object against the Kubernetes API
// schemas (unknown fields included) and our own invariants, proves both checks can fail, and, where kubectl is on
// PATH, that `kubectl kustomize` renders the same objects. Exits non-zero on any problem.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { checkInvariants } from "./invariants.mjs";
import { idOf, readYamlDocuments, render } from "./render.mjs";
import { CUSTOM_RESOURCES, validateObject } from "./schemas.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const TARGETS = [
  { dir: "base" },
  { dir: "overlays/production", expect: (objects) => objects.some((o) => o.metadata.name === "mirror") ? [] : ["the mirror component is missing"] },
  {
    dir: "overlays/cloudnativepg",
    expect: (objects) => JSON.stringify(objects).includes('"registry-postgres"') ? ["a process still reads registry-postgres instead of the cluster's secret"] : [],
  },
];
const externalSecrets = parse(readFileSync(join(here, "external-secrets.yaml"), "utf8"));

const failures = [];
failures.push(...(await selfTest()).map((p) => `self-test: ${p}`));
const kubectl = kubectlAvailable();
for (const target of TARGETS) {
  const objects = render(join(root, target.dir));
  const problems = [];
  for (const object of objects) {
    problems.push(...(await validateObject(object)).map((e) => `${idOf(object)}: ${e}`));
  }
  problems.push(...checkInvariants(objects, externalSecrets), ...(target.expect?.(objects) ?? []));
  const customResources = objects.filter((o) => CUSTOM_RESOURCES.has(`${o.apiVersion}/${o.kind}`));
  const comparison = kubectl ? compareWithKubectl(join(root, target.dir), objects) : "kubectl not on PATH, not compared";
  if (comparison.startsWith("DIFFERENT")) problems.push(comparison);
  console.log(`${target.dir}: ${objects.length} objects (${kindCounts(objects)}); schema-validated ${objects.length - customResources.length}, ` +
    `metadata only ${customResources.length}${customResources.length ? ` (${customResources.map((o) => `${o.kind} ${o.metadata.name}`).join(", ")})` : ""}; ` +
    `${problems.length} problems; ${comparison}`);
  failures.push(...problems.map((p) => `${target.dir}: ${p}`));
}
failures.push(...readmeNamesExternalSecrets());

for (const failure of failures) console.log(`FAIL ${failure}`);
console.log(failures.length === 0 ? "Kubernetes manifests: every render valid" : `Kubernetes manifests: ${failures.length} problems`);
process.exit(failures.length === 0 ? 0 : 1);

// Each broken copy must be refused; a check that accepts them all would pass anything.
async function selfTest() {
  const missed = [];
  const production = render(join(root, "overlays/production"));
  const broken = [
    ["a misspelt field", (objects) => { deployment(objects, "catalog").spec.template.spec.containers[0].imagePullPolice = "Always"; }],
    ["a wrong type", (objects) => { deployment(objects, "catalog").spec.replicas = "three"; }],
    ["an unknown kind", (objects) => { objects[0].kind = "Deploymnet"; }],
    ["a gateway that leaves its Service whenever a service is unready", (objects) => { deployment(objects, "gateway").spec.template.spec.containers[0].readinessProbe.httpGet.path = "/health"; }],
    ["a Deployment without a readiness probe", (objects) => { delete deployment(objects, "publish").spec.template.spec.containers[0].readinessProbe; }],
    ["an autoscaler of a missing Deployment", (objects) => { objects.find((o) => o.kind === "HorizontalPodAutoscaler").spec.scaleTargetRef.name = "nothing"; }],
    ["a Service selecting no pods", (objects) => { objects.find((o) => o.kind === "Service").spec.selector = { "app.kubernetes.io/name": "nothing" }; }],
    ["a secret nobody creates", (objects) => { deployment(objects, "gateway").spec.template.spec.containers[0].env.push({ name: "X", valueFrom: { secretKeyRef: { name: "unknown", key: "k" } } }); }],
    ["two mirrors", (objects) => { deployment(objects, "mirror").spec.replicas = 2; }],
    ["a service that does not wait for the migrations", (objects) => { delete deployment(objects, "verification").spec.template.spec.initContainers; }],
  ];
  for (const [what, breakIt] of broken) {
    const objects = structuredClone(production);
    breakIt(objects);
    const found = [...(await Promise.all(objects.map(validateObject))).flat(), ...checkInvariants(objects, externalSecrets)];
    if (found.length === 0) missed.push(`${what} was not detected`);
    else if (process.env.CHECK_VERBOSE) console.log(`  refused ${what}: ${found[0]}`);
  }
  const scratch = mkdtempSync(join(tmpdir(), "kustomize-check-"));
  try {
    writeFileSync(join(scratch, "kustomization.yaml"), "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\ncommonLabels: {a: b}\n");
    render(scratch);
    missed.push("a kustomization field the renderer does not implement was accepted");
  } catch (error) {
    if (process.env.CHECK_VERBOSE) console.log(`  refused an unsupported kustomization field: ${error.message.split("/").pop()}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`negative self-test: ${broken.length + 1 - missed.length} of ${broken.length + 1} broken inputs refused`);
  return missed;
}

function deployment(objects, name) {
  return objects.find((o) => o.kind === "Deployment" && o.metadata.name === name);
}

function kindCounts(objects) {
  const counts = new Map();
  objects.forEach((o) => counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1));
  return [...counts].map(([kind, n]) => `${n} ${kind}`).join(", ");
}

function kubectlAvailable() {
  try {
    execFileSync("kubectl", ["version", "--client"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function compareWithKubectl(directory, objects) {
  const theirs = new Map(readYamlDocuments(execFileSync("kubectl", ["kustomize", directory], { encoding: "utf8" }), directory).map((o) => [idOf(o), canonical(o)]));
  const ours = new Map(objects.map((o) => [idOf(o), canonical(o)]));
  const differing = [...new Set([...ours.keys(), ...theirs.keys()])].filter((id) => ours.get(id) !== theirs.get(id));
  return differing.length === 0
    ? `same ${ours.size} objects as kubectl kustomize`
    : `DIFFERENT from kubectl kustomize: ${differing.join(", ")}`;
}

function canonical(value) {
  const sorted = (v) => Array.isArray(v) ? v.map(sorted)
    : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])])) : v;
  return JSON.stringify(sorted(value));
}

function readmeNamesExternalSecrets() {
  const readme = readFileSync(join(root, "..", "..", "README.md"), "utf8");
  const section = readme.split(/^## /m).find((s) => s.startsWith("Deploying to Kubernetes")) ?? "";
  return externalSecrets.filter((s) => !section.includes(s.name)).map((s) => `README, Deploying to Kubernetes: secret ${s.name} is not described`);
}
