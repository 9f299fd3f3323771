{{- define "checks.replicas" -}}
{{- if gt (int .Values.replicas) 5 }}
{{- fail (printf "too many replicas: %d" (int .Values.replicas)) }}
{{- end }}
{{- .Values.replicas }}
{{- end -}}
