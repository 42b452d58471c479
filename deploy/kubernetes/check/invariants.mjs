// Our own rules for the rendered objects, beyond what the API schemas say. Each returns a list of problems.
import { splitImage } from "./render.mjs";

export const STATELESS = ["gateway", "catalog", "publish", "verification", "web", "mcp"];
const WAIT_ONLY = "Registry__Migrations__WaitOnly";
const DATABASE = "ConnectionStrings__registrydb";
const IMAGE_PREFIX = "registry.example/mcp-registry/";

export function checkInvariants(objects, externalSecrets) {
  const of = (kind) => objects.filter((o) => o.kind === kind);
  const deployments = of("Deployment");
  const podOwners = [...deployments, ...of("Job")];
  const problems = [];
  const add = (object, message) => problems.push(`${object.kind} ${object.metadata.name}: ${message}`);

  for (const owner of podOwners) {
    const pod = owner.spec.template.spec;
    if (pod.securityContext?.runAsNonRoot !== true) add(owner, "the pod must run as non-root");
    for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
      const where = `container ${container.name}`;
      const requests = container.resources?.requests ?? {};
      if (!requests.cpu || !requests.memory) add(owner, `${where} needs cpu and memory requests`);
      if (!container.resources?.limits?.memory) add(owner, `${where} needs a memory limit`);
      const security = container.securityContext ?? {};
      if (security.readOnlyRootFilesystem !== true || security.allowPrivilegeEscalation !== false) {
        add(owner, `${where} needs a read-only root filesystem and no privilege escalation`);
      }
      if (!container.image.startsWith(IMAGE_PREFIX)) add(owner, `${where} image ${container.image} is not under ${IMAGE_PREFIX}`);
      problems.push(...envProblems(owner, container));
    }
  }

  for (const deployment of deployments) {
    const pod = deployment.spec.template.spec;
    for (const container of pod.containers) {
      for (const probe of ["readinessProbe", "livenessProbe"]) {
        const port = container[probe]?.httpGet?.port;
        if (!container[probe]?.httpGet?.path) add(deployment, `container ${container.name} needs an HTTP ${probe}`);
        else if (!(container.ports ?? []).some((p) => p.name === port || p.containerPort === port)) add(deployment, `${probe} port ${port} is not a port of ${container.name}`);
      }
      if (container.livenessProbe?.httpGet?.path !== "/alive") add(deployment, "liveness must be /alive: /health also fails while a dependency is down, and a restart would not bring it back");
      const readiness = container.readinessProbe?.httpGet?.path;
      if (deployment.metadata.name === "gateway" ? readiness !== "/alive" : readiness !== "/health") {
        add(deployment, `readiness is ${readiness}: /health for the services, /alive for the gateway (its /health fails whenever a service is unready, and it must keep answering cached reads)`);
      }
    }
    if (!matchesSelector(deployment.spec.selector.matchLabels, deployment.spec.template.metadata.labels)) add(deployment, "its selector does not select its own pods");
    if (envOf(pod.containers).some((e) => e.name === DATABASE)) {
      const gate = (pod.initContainers ?? []).find((c) => envOf([c]).some((e) => e.name === WAIT_ONLY && e.value === "true"));
      const job = of("Job").find((j) => j.spec.template.spec.containers.some((c) => envOf([c]).some((e) => e.name === DATABASE)));
      if (!gate) add(deployment, `it reads ${DATABASE} but has no init container waiting for the migrations`);
      else if (!job) add(deployment, "it waits for migrations, but no Job applies them");
      else if (splitImage(gate.image).name !== splitImage(job.spec.template.spec.containers[0].image).name
        || gate.image !== job.spec.template.spec.containers[0].image) add(deployment, `it waits with ${gate.image}, but the Job runs ${job.spec.template.spec.containers[0].image}`);
    }
  }

  const autoscalers = of("HorizontalPodAutoscaler");
  for (const hpa of autoscalers) {
    const target = deployments.find((d) => d.metadata.name === hpa.spec.scaleTargetRef.name && hpa.spec.scaleTargetRef.kind === "Deployment" && hpa.spec.scaleTargetRef.apiVersion === "apps/v1");
    if (!target) add(hpa, `its target ${hpa.spec.scaleTargetRef.name} is not a Deployment of the render`);
    else if (target.spec.replicas !== undefined && (target.spec.replicas < hpa.spec.minReplicas || target.spec.replicas > hpa.spec.maxReplicas)) add(hpa, `${target.metadata.name} starts with ${target.spec.replicas} replicas, outside ${hpa.spec.minReplicas}..${hpa.spec.maxReplicas}`);
    if (!(hpa.spec.minReplicas >= 2 && hpa.spec.minReplicas <= hpa.spec.maxReplicas)) add(hpa, "needs 2 <= minReplicas <= maxReplicas");
  }
  for (const pdb of of("PodDisruptionBudget")) {
    const selected = deployments.filter((d) => matchesSelector(pdb.spec.selector.matchLabels, d.spec.template.metadata.labels));
    if (selected.length !== 1) add(pdb, `selects ${selected.length} Deployments, not one`);
    const hpa = autoscalers.find((h) => h.spec.scaleTargetRef.name === selected[0]?.metadata.name);
    const fewest = hpa?.spec.minReplicas ?? selected[0]?.spec.replicas ?? 1;
    if (typeof pdb.spec.minAvailable === "number" && pdb.spec.minAvailable >= fewest) add(pdb, `minAvailable ${pdb.spec.minAvailable} would block every drain at ${fewest} replicas`);
  }
  for (const name of STATELESS) {
    const deployment = deployments.find((d) => d.metadata.name === name);
    if (!deployment) { problems.push(`Deployment ${name} is missing`); continue; }
    if (!autoscalers.some((h) => h.spec.scaleTargetRef.name === name)) add(deployment, "a stateless service needs a HorizontalPodAutoscaler");
    if (!of("PodDisruptionBudget").some((p) => matchesSelector(p.spec.selector.matchLabels, deployment.spec.template.metadata.labels))) add(deployment, "a stateless service needs a PodDisruptionBudget");
  }
  const mirror = deployments.find((d) => d.metadata.name === "mirror");
  if (mirror && (mirror.spec.replicas !== 1 || mirror.spec.strategy?.type !== "Recreate" || autoscalers.some((h) => h.spec.scaleTargetRef.name === "mirror"))) {
    add(mirror, "must be one replica, strategy Recreate, never autoscaled");
  }

  for (const service of of("Service")) {
    const selected = deployments.filter((d) => matchesSelector(service.spec.selector, d.spec.template.metadata.labels));
    if (selected.length !== 1) { add(service, `selects ${selected.length} Deployments, not one`); continue; }
    const ports = selected[0].spec.template.spec.containers.flatMap((c) => c.ports ?? []);
    for (const port of service.spec.ports) {
      if (!ports.some((p) => p.name === port.targetPort || p.containerPort === port.targetPort)) add(service, `targetPort ${port.targetPort} is not a port of ${selected[0].metadata.name}`);
    }
  }

  const secrets = new Map(of("Secret").map((s) => [s.metadata.name, new Set([...Object.keys(s.data ?? {}), ...Object.keys(s.stringData ?? {})])]));
  for (const external of externalSecrets) secrets.set(external.name, new Set(external.keys));
  for (const owner of podOwners) {
    for (const container of [...(owner.spec.template.spec.initContainers ?? []), ...owner.spec.template.spec.containers]) {
      for (const ref of envOf([container]).map((e) => e.valueFrom?.secretKeyRef).filter(Boolean)) {
        if (!secrets.get(ref.name)?.has(ref.key)) add(owner, `container ${container.name} reads secret ${ref.name} key ${ref.key}, which is neither rendered nor listed in external-secrets.yaml`);
      }
      for (const entry of envOf([container]).filter((e) => /^services__[^_]+__http__\d+$/.test(e.name))) {
        const [, name] = entry.name.split("__");
        const url = new URL(entry.value);
        const service = of("Service").find((s) => s.metadata.name === name);
        if (url.hostname !== name || !service?.spec.ports.some((p) => String(p.port) === url.port)) add(owner, `${entry.name}=${entry.value} does not name a Service port of ${name}`);
      }
    }
  }
  return problems;
}

// Values are plain text or secret references; a $(VAR) must name a variable defined earlier in the same container
// (Kubernetes leaves it unexpanded otherwise), and a URL must point at a Service of the render or a placeholder host.
function envProblems(owner, container) {
  const problems = [];
  const seen = new Set();
  for (const entry of container.env ?? []) {
    if (seen.has(entry.name)) problems.push(`${owner.kind} ${owner.metadata.name}: container ${container.name} sets ${entry.name} twice`);
    for (const [, variable] of (entry.value ?? "").matchAll(/\$\(([^)]+)\)/g)) {
      if (!seen.has(variable)) problems.push(`${owner.kind} ${owner.metadata.name}: ${entry.name} refers to $(${variable}) before it is defined`);
    }
    for (const [url] of (entry.value ?? "").matchAll(/https?:\/\/[^\s;,]+/g)) {
      const host = new URL(url).hostname;
      if (host.includes(".") && !host.endsWith(".example") && host !== "0.0.0.0") problems.push(`${owner.kind} ${owner.metadata.name}: ${entry.name} names the outside host ${host}; use a placeholder (*.example)`);
    }
    seen.add(entry.name);
  }
  return problems;
}

function envOf(containers) {
  return containers.flatMap((c) => c.env ?? []);
}

function matchesSelector(selector, labels) {
  const pairs = Object.entries(selector ?? {});
  return pairs.length > 0 && pairs.every(([key, value]) => labels?.[key] === value);
}
