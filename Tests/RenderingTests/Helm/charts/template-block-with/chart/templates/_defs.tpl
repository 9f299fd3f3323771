{{- define "blocks.port" -}}
- containerPort: {{ . }}
{{- end -}}
{{- define "blocks.meta" }}
name: {{ .Values.app.name }}
{{- block "blocks.extra" . }}
extra: default-block
{{- end }}
{{- end }}
