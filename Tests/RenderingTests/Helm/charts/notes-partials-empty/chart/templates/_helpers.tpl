{{- define "quiet.name" }}quiet{{ end }}
