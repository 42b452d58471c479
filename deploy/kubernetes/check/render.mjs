// A renderer for exactly the Kustomize features the manifests use, so that CI needs neither kustomize nor kubectl:
// resources (files and kustomization folders), components, namespace, labels (without selectors), images, replicas
// and JSON 6902 patches with a target. Anything else in a kustomization stops the render, so the manifests cannot
// drift into features this file would silently ignore; check.mjs compares its output with `kubectl kustomize`.
import { readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import jsonPatch from "fast-json-patch";
import { parseAllDocuments, parse } from "yaml";

const KUSTOMIZATION_FIELDS = new Set(["apiVersion", "kind", "resources", "components", "namespace", "labels", "images", "replicas", "patches"]);
const CLUSTER_SCOPED = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass"]);
const REPLICATED = new Set(["Deployment", "ReplicaSet", "StatefulSet", "ReplicationController"]);
const TEMPLATED = new Set(["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController"]);

export function render(directory) {
  return build(resolve(directory), "Kustomization", []);
}

export function idOf(object) {
  return `${object.apiVersion}/${object.kind}/${object.metadata?.namespace ?? ""}/${object.metadata?.name}`;
}

export function readYamlDocuments(text, source) {
  return parseAllDocuments(text).map((document) => {
    if (document.errors.length > 0) {
      throw new Error(`${source}: ${document.errors[0].message}`);
    }
    return document.toJS();
  }).filter((object) => object !== null);
}

function build(directory, expectedKind, accumulated) {
  const file = join(directory, "kustomization.yaml");
  const kustomization = parse(readFileSync(file, "utf8"));
  const expectedApiVersion = expectedKind === "Component" ? "kustomize.config.k8s.io/v1alpha1" : "kustomize.config.k8s.io/v1beta1";
  if (kustomization.kind !== expectedKind || kustomization.apiVersion !== expectedApiVersion) {
    throw new Error(`${file}: expected ${expectedApiVersion} ${expectedKind}`);
  }
  for (const field of Object.keys(kustomization)) {
    if (!KUSTOMIZATION_FIELDS.has(field)) {
      throw new Error(`${file}: "${field}" is not supported by this renderer`);
    }
  }

  let objects = accumulated;
  for (const entry of kustomization.resources ?? []) {
    const path = resolve(directory, entry);
    const loaded = statSync(path).isDirectory() ? build(path, "Kustomization", []) : readYamlDocuments(readFileSync(path, "utf8"), path);
    objects = addAll(objects, loaded, file);
  }
  for (const entry of kustomization.components ?? []) {
    objects = build(resolve(directory, entry), "Component", objects);
  }

  for (const patch of kustomization.patches ?? []) {
    applyPatch(objects, patch, directory, file);
  }
  if (kustomization.namespace) {
    objects.filter((o) => !CLUSTER_SCOPED.has(o.kind)).forEach((o) => { o.metadata.namespace = kustomization.namespace; });
  }
  for (const label of kustomization.labels ?? []) {
    applyLabels(objects, label, file);
  }
  for (const image of kustomization.images ?? []) {
    objects.forEach((o) => podSpecs(o).forEach((spec) => retagContainers(spec, image)));
  }
  for (const { name, count } of kustomization.replicas ?? []) {
    objects.filter((o) => REPLICATED.has(o.kind) && o.metadata.name === name).forEach((o) => { o.spec.replicas = count; });
  }
  return objects;
}

function addAll(objects, added, file) {
  const ids = new Set(objects.map(idOf));
  for (const object of added) {
    if (ids.has(idOf(object))) {
      throw new Error(`${file}: ${idOf(object)} is defined twice`);
    }
    ids.add(idOf(object));
  }
  return [...objects, ...added];
}

function applyPatch(objects, patch, directory, file) {
  const unknown = Object.keys(patch).filter((k) => !["path", "patch", "target"].includes(k));
  if (unknown.length > 0 || !patch.target) {
    throw new Error(`${file}: a patch needs a target and a path or patch (unsupported: ${unknown.join(", ")})`);
  }
  const source = patch.path ? readFileSync(resolve(directory, patch.path), "utf8") : patch.patch;
  const operations = parse(source);
  if (!Array.isArray(operations)) {
    throw new Error(`${file}: only JSON 6902 patches (a list of operations) are supported`);
  }
  const matched = objects.filter(selector(patch.target, file));
  // Kustomize skips a patch whose target matches nothing; that is nearly always a misspelt name, so it stops here.
  if (matched.length === 0) {
    throw new Error(`${file}: patch ${patch.path ?? "(inline)"} matches no object`);
  }
  for (const object of matched) {
    try {
      jsonPatch.applyPatch(object, structuredClone(operations), true, true);
    } catch (error) {
      throw new Error(`${file}: patch ${patch.path ?? "(inline)"} on ${idOf(object)}: ${error.message.split("\n")[0]}`);
    }
  }
}

// Kustomize anchors every field of a target as a regular expression.
function selector(target, file) {
  const unknown = Object.keys(target).filter((k) => !["group", "version", "kind", "name", "namespace", "labelSelector"].includes(k));
  if (unknown.length > 0) {
    throw new Error(`${file}: unsupported target fields: ${unknown.join(", ")}`);
  }
  const anchored = (pattern) => new RegExp(`^(?:${pattern})$`);
  const tests = [];
  if (target.group !== undefined) tests.push((o) => anchored(target.group).test(splitApiVersion(o)[0]));
  if (target.version !== undefined) tests.push((o) => anchored(target.version).test(splitApiVersion(o)[1]));
  if (target.kind !== undefined) tests.push((o) => anchored(target.kind).test(o.kind));
  if (target.name !== undefined) tests.push((o) => anchored(target.name).test(o.metadata.name));
  if (target.namespace !== undefined) tests.push((o) => anchored(target.namespace).test(o.metadata.namespace ?? ""));
  if (target.labelSelector !== undefined) {
    const pairs = target.labelSelector.split(",").map((term) => {
      const match = /^\s*([^=!\s]+)\s*=\s*([^=\s]*)\s*$/.exec(term);
      if (!match) throw new Error(`${file}: only equality label selectors are supported (${term})`);
      return [match[1], match[2]];
    });
    tests.push((o) => pairs.every(([key, value]) => o.metadata.labels?.[key] === value));
  }
  return (object) => tests.every((test) => test(object));
}

function splitApiVersion(object) {
  return object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
}

function applyLabels(objects, { pairs, includeSelectors = false, includeTemplates = false, ...rest }, file) {
  if (includeSelectors || Object.keys(rest).length > 0) {
    throw new Error(`${file}: labels support only pairs, includeTemplates and includeSelectors: false`);
  }
  for (const object of objects) {
    object.metadata.labels = { ...object.metadata.labels, ...pairs };
    if (includeTemplates && TEMPLATED.has(object.kind) && object.spec?.template) {
      object.spec.template.metadata ??= {};
      object.spec.template.metadata.labels = { ...object.spec.template.metadata.labels, ...pairs };
    }
  }
}

function podSpecs(object) {
  if (object.kind === "Pod") return [object.spec];
  if (object.kind === "CronJob") return [object.spec?.jobTemplate?.spec?.template?.spec].filter(Boolean);
  return [object.spec?.template?.spec].filter(Boolean);
}

function retagContainers(spec, { name, newName, newTag, digest, ...rest }) {
  if (Object.keys(rest).length > 0) {
    throw new Error(`images: unsupported fields ${Object.keys(rest).join(", ")}`);
  }
  for (const container of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const parsed = splitImage(container.image);
    if (parsed.name !== name) continue;
    const reference = digest ? `@${digest}` : newTag !== undefined ? `:${newTag}` : parsed.reference;
    container.image = `${newName ?? parsed.name}${reference}`;
  }
}

export function splitImage(image) {
  const at = image.indexOf("@");
  if (at >= 0) return { name: image.slice(0, at), reference: image.slice(at) };
  const colon = image.lastIndexOf(":");
  return colon > image.lastIndexOf("/") ? { name: image.slice(0, colon), reference: image.slice(colon) } : { name: image, reference: "" };
}
