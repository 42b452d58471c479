// Validates objects against the Kubernetes API schemas that kubernetes-models compiles from the OpenAPI document. Those
// schemas accept any unknown field, as the API server's own openapi does (it drops them, with a warning at best), so a
// misspelt field would pass unnoticed: strictFields() walks the object alongside the models' type declarations
// (the same generated schema, as TypeScript interfaces) and reports every field no schema declares.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";

const modelsRoot = dirname(createRequire(import.meta.url).resolve("kubernetes-models/package.json"));
const apimachineryRoot = join(modelsRoot, "..", "@kubernetes-models", "apimachinery");

// Custom resources we know and cannot check against a core schema: only their metadata is validated.
export const CUSTOM_RESOURCES = new Set(["postgresql.cnpg.io/v1/Cluster"]);

const interfaces = indexDeclarations([modelsRoot, apimachineryRoot]);

export async function validateObject(object) {
  const errors = [];
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    return ["apiVersion and kind must be strings"];
  }
  if (CUSTOM_RESOURCES.has(`${apiVersion}/${kind}`)) {
    const { ObjectMeta } = await import("@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta");
    errors.push(...schemaErrors(() => new ObjectMeta(object.metadata).validate()).map((e) => `metadata: ${e}`));
    errors.push(...strictFields(object.metadata, { ref: "IIoK8sApimachineryPkgApisMetaV1ObjectMeta" }, "/metadata"));
    return errors;
  }
  const modulePath = apiVersion.includes("/") ? apiVersion : `v1`;
  let Model;
  try {
    Model = (await import(`kubernetes-models/${modulePath}`))[kind];
  } catch {
    Model = undefined;
  }
  if (typeof Model !== "function" || Model.apiVersion !== apiVersion) {
    return [`unknown apiVersion/kind ${apiVersion} ${kind}`];
  }
  errors.push(...schemaErrors(() => new Model(object).validate()));
  errors.push(...strictFields(object, { ref: `top:${modulePath}/${kind}` }, ""));
  return errors;
}

function schemaErrors(validate) {
  try {
    validate();
    return [];
  } catch (error) {
    return (error.errors ?? [{ message: error.message }]).map((e) => e.instancePath !== undefined ? `${e.instancePath || "/"} ${e.message}` : e.message);
  }
}

export function strictFields(value, type, path) {
  if (value === null || value === undefined || type === undefined) return [];
  if (type.array) return Array.isArray(value) ? value.flatMap((item, i) => strictFields(item, type.array, `${path}/${i}`)) : [];
  if (type.map) return isObject(value) ? Object.entries(value).flatMap(([k, v]) => strictFields(v, type.map, `${path}/${k}`)) : [];
  const declaration = type.ref && interfaces.get(type.ref);
  if (!declaration || !isObject(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => key in declaration
    ? strictFields(child, declaration[key], `${path}/${key}`)
    : [`${path}/${key}: unknown field`]);
}

function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Reads every generated declaration file: `export interface IX { "field"?: Type; ... }` and the alias the others import
// it by (`export type { IX as IIoK8sApiCoreV1Container }`). Top-level kinds are also indexed as `top:<group/version>/<Kind>`.
function indexDeclarations(roots) {
  const index = new Map();
  for (const root of roots) {
    for (const file of declarationFiles(root)) {
      const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
      const parsed = new Map();
      for (const match of text.matchAll(/export interface (\w+)(?: extends ([\w, ]+))? \{/g)) {
        const fields = parseMembers(text, match.index + match[0].length);
        if (match[2]?.split(",").map((s) => s.trim()).includes("TypeMeta")) {
          fields.apiVersion ??= {};
          fields.kind ??= {};
        }
        parsed.set(match[1], fields);
      }
      for (const alias of text.matchAll(/export type \{ (\w+) as (\w+)/g)) {
        if (parsed.has(alias[1])) index.set(alias[2], parsed.get(alias[1]));
      }
      const relative = file.slice(modelsRoot.length + 1).replace(/\.d\.ts$/, "");
      const kind = relative.split("/").pop();
      if (file.startsWith(modelsRoot + "/") && parsed.has(`I${kind}`)) index.set(`top:${relative}`, parsed.get(`I${kind}`));
    }
  }
  return index;
}

function* declarationFiles(directory) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory() && entry.name !== "_schemas" && entry.name !== "node_modules") yield* declarationFiles(path);
    else if (entry.name.endsWith(".d.ts") && entry.name !== "index.d.ts") yield path;
  }
}

function parseMembers(text, start) {
  const fields = {};
  let depth = 0;
  let member = "";
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (depth === 0 && c === "}") break;
    if (c === "{" || c === "<") depth++;
    if (c === "}" || c === ">") depth--;
    if (depth === 0 && c === ";") {
      const match = /^\s*"([^"]+)"\??:\s*([\s\S]+)$/.exec(member);
      if (match) fields[match[1]] = typeOf(match[2].trim());
      member = "";
    } else {
      member += c;
    }
  }
  return fields;
}

function typeOf(text) {
  const array = /^Array<([\s\S]+)>$/.exec(text);
  if (array) return { array: typeOf(array[1].trim()) };
  const map = /^\{\s*\[key: string\]:\s*([\s\S]+?);?\s*\}$/.exec(text);
  if (map) return { map: typeOf(map[1].trim()) };
  return /^I\w+$/.test(text) ? { ref: text } : {};
}
