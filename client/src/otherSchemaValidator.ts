import * as vscode from 'vscode';

/**
 * True when the Red Hat YAML extension is installed and told to validate Kubernetes
 * manifests (`yaml.schemas` maps `kubernetes`): then it reports schema errors already,
 * and our `schema` rule stays quiet under `statefulset.schemaValidation: "auto"`.
 */
export function otherSchemaValidatorActive(): boolean {
  if (!vscode.extensions.getExtension('redhat.vscode-yaml')) return false;
  const schemas = vscode.workspace.getConfiguration('yaml').get<Record<string, unknown>>('schemas') ?? {};
  return Object.keys(schemas).some((key) => key === 'kubernetes' || key.includes('kubernetes-json-schema'));
}
