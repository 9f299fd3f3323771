/// Manifests the kubectl tests apply.
enum Fixtures {
    static func web(env: Bool = true, metricsPort: Bool = true, tierLabel: Bool = true, simulate: String? = nil) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: default
          labels:
            app: web
        \(tierLabel ? "    tier: frontend" : "")
        \(simulate.map { "  annotations:\n    sandbox.ferry.dev/simulate: \($0)" } ?? "")
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
                ports:
                - containerPort: 80
        \(metricsPort ? "        - containerPort: 9090" : "")
                env:
                - name: MODE
                  value: production
        \(env ? "        - name: DEBUG\n          value: \"true\"" : "")
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: default
          labels:
            app: web
        spec:
          type: LoadBalancer
          selector:
            app: web
          ports:
          - port: 80
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: web-config
          namespace: default
          labels:
            app: web
        data:
          greeting: hello
        """
    }
}
