{{- define "idioms.labels" -}}
{{- $labels := dict "app" .Chart.Name "release" .Release.Name -}}
{{- range $k, $v := .Values.extraLabels }}
{{- $_ := set $labels $k $v }}
{{- end }}
{{- $_ := unset $labels "release" }}
{{- toYaml $labels }}
{{- end -}}
