#!/usr/bin/env node
// Generates standalone JSON Schemas (draft-07) for the kinds we validate from the
// Kubernetes OpenAPI (Swagger 2.0) document: `node schemas/generate.mjs [swagger.json]`.
//
// What the API server's JSON decoding does, the schemas say:
// - objects with known fields reject unknown ones (kubectl's strict field validation);
// - IntOrString takes an integer or a string, Quantity a string in Kubernetes' quantity
//   syntax or a number; Time and byte fields are strings;
// - `null` is accepted anywhere as "not set": the validator strips null-valued fields
//   before validating, so the schemas need not say it everywhere.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = resolve(process.argv[2] ?? join(here, '../../shared/k8s-openapi/kubernetes-1.36-swagger.json'));
// scripts/gen-version-schemas.mjs passes the newest release's swagger.json, its version and where it is from.
const kubernetesVersion = process.argv[3] ?? '1.36';
const sourceText = process.argv[4]
  ? `\`${process.argv[4]}\` (the Go module, fetched by scripts/gen-version-schemas.mjs)`
  : '`shared/k8s-openapi/kubernetes-1.36-swagger.json`, as published in kubernetes-client/python for the release-1.36 branch\n(see that folder\'s SOURCE.md)';

/** Output file → root definition. */
const roots = {
  statefulset: 'io.k8s.api.apps.v1.StatefulSet',
  service: 'io.k8s.api.core.v1.Service',
  persistentvolumeclaim: 'io.k8s.api.core.v1.PersistentVolumeClaim',
  poddisruptionbudget: 'io.k8s.api.policy.v1.PodDisruptionBudget',
};

// Kubernetes quantity: <signedNumber><suffix>, suffix binary (Ki..Ei), decimal (n u m k M G T P E) or an exponent.
const quantityPattern = '^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?\\d+)?$';

const special = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': () => ({ type: ['integer', 'string'] }),
  'io.k8s.apimachinery.pkg.api.resource.Quantity': () => ({
    anyOf: [{ type: 'number' }, { type: 'string', pattern: quantityPattern }],
  }),
};

const swagger = JSON.parse(readFileSync(source, 'utf8'));
const definitions = swagger.definitions;

const refName = (ref) => ref.replace('#/definitions/', '');

/** A Swagger property or definition as JSON Schema; `$ref`s point into the file's own `definitions`. */
function convert(node) {
  if (node.$ref) {
    const schema = { $ref: `#/definitions/${refName(node.$ref)}` };
    // draft-07 ignores siblings of $ref, so a description sits in an allOf.
    return node.description ? { description: node.description, allOf: [schema] } : schema;
  }
  const out = {};
  if (node.description) out.description = node.description;
  switch (node.type) {
    case 'integer':
      out.type = 'integer';
      break;
    case 'number':
      out.type = 'number';
      break;
    case 'boolean':
      out.type = 'boolean';
      break;
    case 'string':
      out.type = 'string';
      break;
    case 'array':
      out.type = 'array';
      if (node.items) out.items = convert(node.items);
      break;
    case 'object':
      out.type = 'object';
      if (node.properties) {
        out.properties = Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, convert(v)]));
        out.additionalProperties = false;
      } else if (node.additionalProperties) {
        out.additionalProperties = convert(node.additionalProperties);
      }
      if (node.required?.length) out.required = node.required;
      break;
    default:
      break; // untyped (e.g. RawExtension): anything goes
  }
  return out;
}

function definitionSchema(name) {
  const node = definitions[name];
  if (!node) throw new Error(`${source} has no definition ${name}`);
  const converted = special[name] ? { ...(node.description ? { description: node.description } : {}), ...special[name]() } : convert(node);
  return converted;
}

/** Every definition reachable from the root, in a stable order. */
function reachable(root) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    if (special[name]) return;
    JSON.stringify(definitions[name], (key, value) => {
      if (key === '$ref') visit(refName(value));
      return value;
    });
  };
  visit(root);
  return [...seen].sort();
}

const digest = createHash('sha256').update(readFileSync(source)).digest('hex');
const provenance = [];
for (const [file, root] of Object.entries(roots)) {
  const gvk = definitions[root]['x-kubernetes-group-version-kind']?.[0];
  const names = reachable(root);
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://statefulset-studio.dev/schemas/kubernetes-${kubernetesVersion}/${file}.json`,
    title: `${gvk.group ? `${gvk.group}/` : ''}${gvk.version} ${gvk.kind} (Kubernetes ${kubernetesVersion})`,
    $ref: `#/definitions/${root}`,
    definitions: Object.fromEntries(names.map((name) => [name, definitionSchema(name)])),
  };
  const target = join(here, `${file}.json`);
  writeFileSync(target, `${JSON.stringify(schema)}\n`);
  provenance.push(`| \`${file}.json\` | \`${root}\` | ${names.length} |`);
  console.log(`${relative(process.cwd(), target)}: ${names.length} definitions`);
}

writeFileSync(
  join(here, 'PROVENANCE.md'),
  `# Where these schemas come from

Generated by \`node schemas/generate.mjs\` (\`npm run schemas\`) from the Kubernetes ${kubernetesVersion}
OpenAPI (Swagger 2.0) document ${sourceText}
(sha256 \`${digest}\`). License of the source: Apache License 2.0, the Kubernetes project.
The older releases (1.31 to 1.36) differ from it by the fields in \`versions/fieldHistory.json\`
(\`node scripts/gen-version-schemas.mjs\`, from each release's OpenAPI v3 documents).
Do not edit the JSON files by hand; re-run the script.

| file | root definition | definitions |
|---|---|---|
${provenance.join('\n')}

How the Swagger types become JSON Schema:
- objects with known fields get \`additionalProperties: false\` (unknown fields are errors, as
  with kubectl's strict field validation); maps keep their value schema;
- \`IntOrString\` is an integer or a string; \`Quantity\` a number or a string in Kubernetes'
  quantity syntax; \`int32\`/\`int64\` are integers; \`Time\` and \`byte\` are strings;
- \`required\` lists are kept; untyped definitions (\`RawExtension\`) accept anything;
- \`null\` means "not set" to the API server: the validator removes null-valued fields first.
`,
);
