#!/usr/bin/env python3
"""Writes a large Helm chart in the style of widely used public charts that build on a shared library chart:
`charts/common` (type: library) holds naming, label, image, capability, affinity, resource-preset and
"render a value as a template" helpers, and every template calls many of them, nested (a Deployment makes
about 40 helper calls). N components, each with a Deployment, Service, ConfigMap, ServiceAccount and HPA
(5 templates per component). Prints the chart directory. Usage: generate_common.py OUT_DIR [N]"""
import os
import sys

out, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 24
chart = os.path.join(out, "commonchart")
lib = os.path.join(chart, "charts", "common")
for d in (os.path.join(chart, "templates"), os.path.join(lib, "templates")):
    os.makedirs(d, exist_ok=True)


def write(base, path, text):
    with open(os.path.join(base, path), "w") as f:
        f.write(text)


write(lib, "Chart.yaml", "apiVersion: v2\nname: common\nversion: 2.0.0\ntype: library\n")
write(lib, "templates/_names.tpl", """{{/* Naming helpers. */}}
{{- define "common.names.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- define "common.names.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- define "common.names.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- define "common.names.component" -}}
{{- printf "%s-%s" (include "common.names.fullname" .context) .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- define "common.names.namespace" -}}
{{- default .Release.Namespace .Values.namespaceOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}
""")
write(lib, "templates/_tplvalues.tpl", """{{/* Renders a value that may hold template expressions: strings as they are, anything else as YAML. */}}
{{- define "common.tplvalues.render" -}}
{{- $value := typeIs "string" .value | ternary .value (.value | toYaml) }}
{{- if contains "{{" (toJson .value) }}
  {{- if .scope }}
      {{- tpl (cat "{{- with $.RelativeScope -}}" $value "{{- end }}") (merge (dict "RelativeScope" .scope) .context) }}
  {{- else }}
    {{- tpl $value .context }}
  {{- end }}
{{- else }}
    {{- $value }}
{{- end }}
{{- end -}}
{{- define "common.tplvalues.merge" -}}
{{- $dst := dict -}}
{{- range .values -}}
{{- $dst = include "common.tplvalues.render" (dict "value" . "context" $.context) | fromYaml | merge $dst -}}
{{- end -}}
{{ $dst | toYaml }}
{{- end -}}
""")
write(lib, "templates/_labels.tpl", """{{/* Labels. */}}
{{- define "common.labels.standard" -}}
{{- if and (hasKey . "customLabels") (hasKey . "context") -}}
{{- $default := dict "app.kubernetes.io/name" (include "common.names.name" .context) "helm.sh/chart" (include "common.names.chart" .context) "app.kubernetes.io/instance" .context.Release.Name "app.kubernetes.io/managed-by" .context.Release.Service -}}
{{- with .context.Chart.AppVersion -}}
{{- $_ := set $default "app.kubernetes.io/version" . -}}
{{- end -}}
{{ template "common.tplvalues.merge" (dict "values" (list .customLabels $default) "context" .context) }}
{{- else -}}
app.kubernetes.io/name: {{ include "common.names.name" . }}
helm.sh/chart: {{ include "common.names.chart" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Chart.AppVersion }}
app.kubernetes.io/version: {{ . | quote }}
{{- end -}}
{{- end -}}
{{- end -}}
{{- define "common.labels.matchLabels" -}}
{{- if and (hasKey . "customLabels") (hasKey . "context") -}}
{{ merge (pick (include "common.tplvalues.render" (dict "value" .customLabels "context" .context) | fromYaml) "app.kubernetes.io/name" "app.kubernetes.io/instance") (dict "app.kubernetes.io/name" (include "common.names.name" .context) "app.kubernetes.io/instance" .context.Release.Name) | toYaml }}
{{- else -}}
app.kubernetes.io/name: {{ include "common.names.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
{{- end -}}
""")
write(lib, "templates/_images.tpl", """{{/* Images. */}}
{{- define "common.images.image" -}}
{{- $registryName := default .imageRoot.registry ((.global).imageRegistry) -}}
{{- $repositoryName := .imageRoot.repository -}}
{{- $separator := ":" -}}
{{- $termination := .imageRoot.tag | toString -}}
{{- if .imageRoot.digest }}
    {{- $separator = "@" -}}
    {{- $termination = .imageRoot.digest | toString -}}
{{- end -}}
{{- if $registryName }}
    {{- printf "%s/%s%s%s" $registryName $repositoryName $separator $termination -}}
{{- else -}}
    {{- printf "%s%s%s" $repositoryName $separator $termination -}}
{{- end -}}
{{- end -}}
{{- define "common.images.renderPullSecrets" -}}
{{- $pullSecrets := list }}
{{- $context := .context }}
{{- range (($context.Values.global).imagePullSecrets) -}}
{{- $pullSecrets = append $pullSecrets (include "common.tplvalues.render" (dict "value" . "context" $context)) -}}
{{- end -}}
{{- range .images -}}
{{- range .pullSecrets -}}
{{- $pullSecrets = append $pullSecrets (include "common.tplvalues.render" (dict "value" . "context" $context)) -}}
{{- end -}}
{{- end -}}
{{- if (not (empty $pullSecrets)) }}
imagePullSecrets:
{{- range $pullSecrets | uniq }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- end -}}
""")
write(lib, "templates/_capabilities.tpl", """{{/* API versions by Kubernetes version. */}}
{{- define "common.capabilities.kubeVersion" -}}
{{- default (default .Capabilities.KubeVersion.Version .Values.kubeVersion) ((.Values.global).kubeVersion) -}}
{{- end -}}
{{- define "common.capabilities.deployment.apiVersion" -}}
{{- if semverCompare "<1.14-0" (include "common.capabilities.kubeVersion" .) -}}
{{- print "extensions/v1beta1" -}}
{{- else -}}
{{- print "apps/v1" -}}
{{- end -}}
{{- end -}}
{{- define "common.capabilities.hpa.apiVersion" -}}
{{- if semverCompare "<1.23-0" (include "common.capabilities.kubeVersion" .context) -}}
{{- print "autoscaling/v2beta2" -}}
{{- else -}}
{{- print "autoscaling/v2" -}}
{{- end -}}
{{- end -}}
""")
write(lib, "templates/_affinities.tpl", """{{/* Pod anti-affinity. */}}
{{- define "common.affinities.pods.soft" -}}
{{- $component := default "" .component -}}
{{- $customLabels := default (dict) .customLabels -}}
{{- $extraMatchLabels := default (dict) .extraMatchLabels -}}
preferredDuringSchedulingIgnoredDuringExecution:
  - podAffinityTerm:
      labelSelector:
        matchLabels: {{- (include "common.labels.matchLabels" (dict "customLabels" $customLabels "context" .context)) | nindent 10 }}
          {{- if not (empty $component) }}
          {{ printf "app.kubernetes.io/component: %s" $component }}
          {{- end }}
          {{- range $key, $value := $extraMatchLabels }}
          {{ $key }}: {{ $value | quote }}
          {{- end }}
      topologyKey: kubernetes.io/hostname
    weight: 1
{{- end -}}
{{- define "common.affinities.pods" -}}
{{- if eq .type "soft" }}
  {{- include "common.affinities.pods.soft" . -}}
{{- end -}}
{{- end -}}
""")
write(lib, "templates/_resources.tpl", """{{/* Resource presets. */}}
{{- define "common.resources.preset" -}}
{{- $presets := dict
  "nano" (dict "requests" (dict "cpu" "100m" "memory" "128Mi") "limits" (dict "cpu" "150m" "memory" "192Mi"))
  "micro" (dict "requests" (dict "cpu" "250m" "memory" "256Mi") "limits" (dict "cpu" "375m" "memory" "384Mi"))
  "small" (dict "requests" (dict "cpu" "500m" "memory" "512Mi") "limits" (dict "cpu" "750m" "memory" "768Mi"))
 }}
{{- if hasKey $presets .type -}}
{{- index $presets .type | toYaml -}}
{{- else -}}
{{- printf "ERROR: Preset key '%s' invalid. Allowed values are %s" .type (join "," (keys $presets | sortAlpha)) | fail -}}
{{- end -}}
{{- end -}}
{{- define "common.compatibility.renderSecurityContext" -}}
{{- omit .secContext "enabled" | toYaml -}}
{{- end -}}
""")

write(chart, "Chart.yaml", """apiVersion: v2
name: commonchart
version: 3.1.4
appVersion: "8.2.0"
dependencies:
  - name: common
    version: 2.x.x
""")
values = ["""global:
  imageRegistry: ""
  imagePullSecrets: [regcred]
commonLabels:
  team: platform
  tier: "{{ .Release.Namespace }}"
commonAnnotations:
  owner: "{{ .Release.Name }}-owners"
components:"""]
presets = ["nano", "micro", "small"]
for i in range(n):
    values.append(f"""  c{i:03d}:
    replicaCount: {i % 3 + 1}
    image:
      registry: docker.io
      repository: example/app{i}
      tag: "1.{i}.0"
      digest: ""
      pullSecrets: ["pull-{i % 4}"]
    containerPort: {8000 + i}
    resourcesPreset: {presets[i % 3]}
    podLabels:
      index: "{i}"
    podAnnotations:
      checksum/extra: "{{{{ .Release.Revision }}}}"
    podAntiAffinityPreset: soft
    containerSecurityContext:
      enabled: true
      runAsUser: 1001
      runAsNonRoot: true
      readOnlyRootFilesystem: true
    extraEnvVars:
      - name: LOG_LEVEL
        value: info
      - name: RELEASE
        value: "{{{{ .Release.Name }}}}"
    config:
      mode: production
      index: "{i}"
    autoscaling:
      minReplicas: 2
      maxReplicas: {i + 3}
      targetCPU: 75""")
write(chart, "values.yaml", "\n".join(values) + "\n")

for i in range(n):
    name = f"c{i:03d}"
    head = f"""{{{{- $c := index .Values.components "{name}" }}}}
{{{{- $fullname := include "common.names.component" (dict "context" $ "component" "{name}") }}}}
"""
    labels = f"""{{{{- include "common.labels.standard" (dict "customLabels" .Values.commonLabels "context" $) | nindent 4 }}}}
    app.kubernetes.io/component: {name}"""
    annotations = """{{- if .Values.commonAnnotations }}
  annotations: {{- include "common.tplvalues.render" (dict "value" .Values.commonAnnotations "context" $) | nindent 4 }}
  {{- end }}"""
    # The metadata every object of the component starts with.
    metadata = f"""metadata:
  name: {{{{ $fullname }}}}
  namespace: {{{{ include "common.names.namespace" . | quote }}}}
  labels: {labels}
  {annotations}"""
    write(chart, f"templates/{name}-configmap.yaml", head + f"""apiVersion: v1
kind: ConfigMap
{metadata}
data:
  config.yaml: |
    {{{{- include "common.tplvalues.render" (dict "value" $c.config "context" $) | nindent 4 }}}}
""")
    write(chart, f"templates/{name}-deployment.yaml", head + f"""{{{{- $podLabels := include "common.tplvalues.merge" (dict "values" (list $c.podLabels .Values.commonLabels) "context" .) }}}}
apiVersion: {{{{ include "common.capabilities.deployment.apiVersion" . }}}}
kind: Deployment
{metadata}
spec:
  replicas: {{{{ $c.replicaCount }}}}
  selector:
    matchLabels: {{{{- include "common.labels.matchLabels" (dict "customLabels" $podLabels "context" $) | nindent 6 }}}}
      app.kubernetes.io/component: {name}
  template:
    metadata:
      annotations:
        checksum/config: {{{{ include (print $.Template.BasePath "/{name}-configmap.yaml") . | sha256sum }}}}
        {{{{- if $c.podAnnotations }}}}
        {{{{- include "common.tplvalues.render" (dict "value" $c.podAnnotations "context" $) | nindent 8 }}}}
        {{{{- end }}}}
      labels: {{{{- include "common.labels.standard" (dict "customLabels" $podLabels "context" $) | nindent 8 }}}}
        app.kubernetes.io/component: {name}
    spec:
      serviceAccountName: {{{{ $fullname }}}}
      {{{{- include "common.images.renderPullSecrets" (dict "images" (list $c.image) "context" $) | nindent 6 }}}}
      affinity:
        podAntiAffinity: {{{{- include "common.affinities.pods" (dict "type" $c.podAntiAffinityPreset "component" "{name}" "customLabels" $podLabels "context" $) | nindent 10 }}}}
      containers:
        - name: app
          image: {{{{ include "common.images.image" (dict "imageRoot" $c.image "global" .Values.global) }}}}
          {{{{- if $c.containerSecurityContext.enabled }}}}
          securityContext: {{{{- include "common.compatibility.renderSecurityContext" (dict "secContext" $c.containerSecurityContext "context" $) | nindent 12 }}}}
          {{{{- end }}}}
          ports:
            - name: http
              containerPort: {{{{ $c.containerPort }}}}
          env:
            - name: COMPONENT
              value: {name}
            {{{{- if $c.extraEnvVars }}}}
            {{{{- include "common.tplvalues.render" (dict "value" $c.extraEnvVars "context" $) | nindent 12 }}}}
            {{{{- end }}}}
          envFrom:
            - configMapRef:
                name: {{{{ $fullname }}}}
          resources: {{{{- include "common.resources.preset" (dict "type" $c.resourcesPreset) | nindent 12 }}}}
""")
    write(chart, f"templates/{name}-service.yaml", head + f"""apiVersion: v1
kind: Service
{metadata}
spec:
  type: ClusterIP
  ports:
    - name: http
      port: 80
      targetPort: http
  selector: {{{{- include "common.labels.matchLabels" (dict "customLabels" .Values.commonLabels "context" $) | nindent 4 }}}}
    app.kubernetes.io/component: {name}
""")
    write(chart, f"templates/{name}-serviceaccount.yaml", head + f"""apiVersion: v1
kind: ServiceAccount
{metadata}
automountServiceAccountToken: false
""")
    write(chart, f"templates/{name}-hpa.yaml", head + f"""apiVersion: {{{{ include "common.capabilities.hpa.apiVersion" (dict "context" $) }}}}
kind: HorizontalPodAutoscaler
{metadata}
spec:
  scaleTargetRef:
    apiVersion: {{{{ include "common.capabilities.deployment.apiVersion" . }}}}
    kind: Deployment
    name: {{{{ $fullname }}}}
  minReplicas: {{{{ $c.autoscaling.minReplicas }}}}
  maxReplicas: {{{{ $c.autoscaling.maxReplicas }}}}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{{{ $c.autoscaling.targetCPU }}}}
""")
print(chart)
