// A small chart that the worker renders right after loading the module, before it takes
// requests: WebAssembly code runs slowly until V8 has compiled and optimised the paths a
// render takes (a first render of bitnami/postgresql took ~2.5 s, the fifth ~0.2 s). It
// uses what real charts use: named templates, include/tpl, toYaml/nindent, sprig's string
// and dict functions, default/required/ternary, a subchart, a values schema and a hook.

const helpers = `{{- define "w.name" -}}{{ default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}{{- end -}}
{{- define "w.fullname" -}}{{- printf "%s-%s" .Release.Name (include "w.name" .) | trunc 63 | trimSuffix "-" -}}{{- end -}}
{{- define "w.labels" -}}
app.kubernetes.io/name: {{ include "w.name" . }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}
{{- define "w.render" -}}{{- if typeIs "string" .value }}{{ tpl .value .context }}{{ else }}{{ tpl (.value | toYaml) .context }}{{ end }}{{- end -}}
`;

const statefulSet = `apiVersion: {{ ternary "apps/v1" "apps/v1beta2" (.Capabilities.APIVersions.Has "apps/v1") }}
kind: StatefulSet
metadata:
  name: {{ include "w.fullname" . }}
  labels: {{- include "w.labels" . | nindent 4 }}
  annotations: {{- include "w.render" (dict "value" .Values.annotations "context" $) | nindent 4 }}
spec:
  replicas: {{ .Values.replicas | int }}
  serviceName: {{ include "w.fullname" . }}-headless
  selector:
    matchLabels: {{- pick (include "w.labels" . | fromYaml) "app.kubernetes.io/name" "app.kubernetes.io/instance" | toYaml | nindent 6 }}
  template:
    spec:
      containers:
        - name: {{ .Chart.Name }}
          image: {{ printf "%s/%s:%s" .Values.image.registry .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
          env:
            {{- range $k, $v := .Values.env }}
            - name: {{ $k | upper | replace "-" "_" }}
              value: {{ $v | toString | quote }}
            {{- end }}
          args: {{- toYaml (concat .Values.args (list "--port" (toString .Values.port))) | nindent 12 }}
          resources: {{- toYaml (merge (dict) .Values.resources (dict "limits" (dict "memory" "1Gi"))) | nindent 12 }}
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: {{ toJson .Values.accessModes }}
        resources: { requests: { storage: {{ required "size" .Values.size | quote }} } }
`;

const files: Record<string, string> = {
  'Chart.yaml': 'apiVersion: v2\nname: warmup\nversion: 1.2.3\nappVersion: "4.5"\ndependencies:\n  - name: lib\n    version: 0.1.0\n',
  'values.yaml': 'replicas: 3\nnameOverride: ""\ncommonLabels: {team: data}\nannotations: {owner: "{{ .Release.Name }}"}\nimage: {registry: docker.io, repository: x/y, tag: ""}\nenv: {log-level: debug, workers: 4}\nargs: [--a, --b]\nport: 5432\nresources: {requests: {cpu: 100m}}\naccessModes: [ReadWriteOnce]\nsize: 8Gi\n',
  'values.schema.json': '{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{"replicas":{"type":"integer","minimum":0},"size":{"type":"string","pattern":"^[0-9]+[GM]i$"},"image":{"type":"object","properties":{"tag":{"type":"string"}}}}}',
  'templates/_helpers.tpl': helpers,
  'templates/statefulset.yaml': statefulSet,
  'templates/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "w.fullname" . }}-headless\n  labels: {{- include "w.labels" . | nindent 4 }}\nspec:\n  clusterIP: None\n  ports: [{ port: {{ .Values.port }}, name: {{ "tcp-" | cat "db" | nospace | lower }} }]\n',
  'templates/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: { name: {{ include "w.fullname" . }} }\ndata:\n  password: {{ "fixed" | b64enc | quote }}\n  sum: {{ .Values | toJson | sha256sum | quote }}\n',
  'templates/job.yaml': 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: {{ include "w.fullname" . }}-init\n  annotations: {"helm.sh/hook": post-install}\n',
  'templates/NOTES.txt': 'Thanks for installing {{ .Chart.Name }}.\n',
  'charts/lib/Chart.yaml': 'apiVersion: v2\nname: lib\nversion: 0.1.0\ntype: library\n',
  'charts/lib/templates/_lib.tpl': '{{- define "lib.merge" -}}{{ $d := dict }}{{ range .values }}{{ $d = mergeOverwrite $d . }}{{ end }}{{ toYaml $d }}{{- end -}}\n',
};

/** The warm-up chart's files, as a request's `files`. */
export function warmUpFiles(): Map<string, Uint8Array> {
  return new Map(Object.entries(files).map(([name, text]) => [name, new TextEncoder().encode(text)]));
}
