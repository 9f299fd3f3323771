{{- define "tplchart.greeting" -}}
hello from {{ .Chart.Name }}
{{- end -}}
