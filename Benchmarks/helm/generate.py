#!/usr/bin/env python3
"""Writes a large Helm chart for the render benchmark: N components, each with a Deployment, Service,
ConfigMap, ServiceAccount and HPA template (5 templates per component, 120 templates for N=24) that lean on
shared helpers (names, labels, images, tpl, toYaml, include | sha256sum). Prints the chart directory."""
import os
import sys

out, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 24
chart = os.path.join(out, "bigchart")
os.makedirs(os.path.join(chart, "templates"), exist_ok=True)


def write(path, text):
    with open(os.path.join(chart, path), "w") as f:
        f.write(text)


write("Chart.yaml", "apiVersion: v2\nname: bigchart\nversion: 1.0.0\nappVersion: \"2.3.4\"\n")
values = ["global:\n  registry: registry.example.com\n  env: prod\ncommonLabels:\n  team: platform\n  tier: \"{{ .Values.global.env }}\"\ncomponents:"]
for i in range(n):
    values.append(f"""  c{i:03d}:
    replicas: {i % 5 + 1}
    image: app{i}
    tag: "1.{i}.0"
    port: {8000 + i}
    env:
      LOG_LEVEL: info
      INDEX: "{i}"
      NAME: "component-{i}"
    resources:
      limits:
        cpu: {100 + i}m
        memory: {128 + i}Mi
    autoscaling:
      min: 2
      max: {i + 3}""")
write("values.yaml", "\n".join(values) + "\n")
write("templates/_helpers.tpl", """{{- define "big.fullname" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- define "big.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{- range $k, $v := .root.Values.commonLabels }}
{{ $k }}: {{ tpl $v $.root | quote }}
{{- end }}
{{- end -}}
{{- define "big.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}
{{- define "big.image" -}}
{{ .root.Values.global.registry }}/{{ .c.image }}:{{ .c.tag | default .root.Chart.AppVersion }}
{{- end -}}
""")
for i in range(n):
    name = f"c{i:03d}"
    ctx = f'(dict "root" $ "name" "{name}" "c" $c)'
    head = f'{{{{- $c := index .Values.components "{name}" }}}}\n'
    write(f"templates/{name}-configmap.yaml", head + f"""apiVersion: v1
kind: ConfigMap
metadata:
  name: {{{{ include "big.fullname" {ctx} }}}}
  labels: {{{{- include "big.labels" {ctx} | nindent 4 }}}}
data:
  {{{{- range $k, $v := $c.env }}}}
  {{{{ $k }}}}: {{{{ $v | quote }}}}
  {{{{- end }}}}
""")
    write(f"templates/{name}-deployment.yaml", head + f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{{{ include "big.fullname" {ctx} }}}}
  labels: {{{{- include "big.labels" {ctx} | nindent 4 }}}}
spec:
  replicas: {{{{ $c.replicas }}}}
  selector:
    matchLabels: {{{{- include "big.selector" {ctx} | nindent 6 }}}}
  template:
    metadata:
      labels: {{{{- include "big.labels" {ctx} | nindent 8 }}}}
      annotations:
        checksum/config: {{{{ include (print $.Template.BasePath "/{name}-configmap.yaml") . | sha256sum }}}}
    spec:
      serviceAccountName: {{{{ include "big.fullname" {ctx} }}}}
      containers:
        - name: app
          image: {{{{ include "big.image" {ctx} }}}}
          ports:
            - containerPort: {{{{ $c.port }}}}
          envFrom:
            - configMapRef:
                name: {{{{ include "big.fullname" {ctx} }}}}
          resources: {{{{- toYaml $c.resources | nindent 12 }}}}
""")
    write(f"templates/{name}-service.yaml", head + f"""apiVersion: v1
kind: Service
metadata:
  name: {{{{ include "big.fullname" {ctx} }}}}
  labels: {{{{- include "big.labels" {ctx} | nindent 4 }}}}
spec:
  selector: {{{{- include "big.selector" {ctx} | nindent 4 }}}}
  ports:
    - port: 80
      targetPort: {{{{ $c.port }}}}
""")
    write(f"templates/{name}-serviceaccount.yaml", head + f"""apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{{{ include "big.fullname" {ctx} }}}}
  labels: {{{{- include "big.labels" {ctx} | nindent 4 }}}}
""")
    write(f"templates/{name}-hpa.yaml", head + f"""apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{{{ include "big.fullname" {ctx} }}}}
  labels: {{{{- include "big.labels" {ctx} | nindent 4 }}}}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{{{ include "big.fullname" {ctx} }}}}
  minReplicas: {{{{ $c.autoscaling.min }}}}
  maxReplicas: {{{{ $c.autoscaling.max }}}}
""")
print(chart)
