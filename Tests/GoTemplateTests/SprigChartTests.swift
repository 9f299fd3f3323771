import FerryCore
import GoTemplate
import Testing

/// The idioms public charts use most, together in one template, with the exact output Helm would produce.
@Suite struct SprigChartTests {
    static let helpers = #"""
        {{- define "app.fullname" -}}
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
        """#

    static let deployment = #"""
        apiVersion: {{ if semverCompare ">=1.19-0" .Capabilities.KubeVersion.GitVersion }}apps/v1{{ else }}apps/v1beta2{{ end }}
        kind: Deployment
        metadata:
          name: {{ template "app.fullname" . }}
          labels:
            {{- dict "app.kubernetes.io/name" .Chart.Name "helm.sh/chart" (printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_") | toYaml | nindent 4 }}
          annotations:
            checksum/config: {{ .Values.config | toYaml | sha256sum | trunc 12 }}
        spec:
          replicas: {{ .Values.replicaCount | default 1 }}
          template:
            spec:
              containers:
                - name: {{ .Chart.Name | lower }}
                  image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
                  env:
                    {{- range $k, $v := .Values.env }}
                    - name: {{ $k | upper | snakecase }}
                      value: {{ $v | quote }}
                    {{- end }}
                  resources:
                    {{- toYaml .Values.resources | nindent 12 }}
        ---
        apiVersion: v1
        kind: Secret
        data:
          password: {{ .Values.password | b64enc | quote }}
          list: {{ .Values.hosts | join "," | b64enc }}
        """#

    static let data: Value = [
        "Chart": ["Name": "Web", "Version": "1.2.3+build", "AppVersion": "2.0"],
        "Release": ["Name": "prod"],
        "Capabilities": ["KubeVersion": ["GitVersion": "v1.29.1-eks-1234"]],
        "Values": [
            "nameOverride": "",
            "replicaCount": nil,
            "image": ["repository": "nginx", "tag": ""],
            "env": ["logLevel": "debug", "port": 8080],
            "resources": ["limits": ["cpu": "100m"], "requests": ["memory": "64Mi"]],
            "config": ["a": 1],
            "password": "s3cret",
            "hosts": ["a.example", "b.example"],
        ],
    ]

    @Test func aChartStyleDeploymentRendersAsHelmWould() throws {
        var set = TemplateSet(functions: sprigTestFunctions)
        try set.add(name: "_helpers.tpl", text: Self.helpers)
        try set.add(name: "deployment.yaml", text: Self.deployment)
        let out = try set.execute("deployment.yaml", data: Self.data, options: ExecOptions(missingKey: .zero))
        let expected = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: prod-Web
              labels:
                app.kubernetes.io/name: Web
                helm.sh/chart: Web-1.2.3_build
              annotations:
                checksum/config: 16c3c6d78678
            spec:
              replicas: 1
              template:
                spec:
                  containers:
                    - name: web
                      image: "nginx:2.0"
                      env:
                        - name: loglevel
                          value: "debug"
                        - name: port
                          value: "8080"
                      resources:
                        limits:
                          cpu: 100m
                        requests:
                          memory: 64Mi
            ---
            apiVersion: v1
            kind: Secret
            data:
              password: "czNjcmV0"
              list: YS5leGFtcGxlLGIuZXhhbXBsZQ==
            """
        #expect(out == expected)
    }
}
