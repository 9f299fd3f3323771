/// The sample applications `ferry serve --demo` commits to a local Git repository and registers.
enum DemoContent {
    /// (app name, path in the repository, destination namespace)
    static let apps: [(name: String, path: String, namespace: String)] = [
        ("guestbook", "apps/guestbook", "guestbook"),
        ("hello", "apps/hello", "hello"),
    ]

    /// Files of the demo repository, by path.
    static let files: [String: String] = [
        "README.md": """
        # Ferry demo repository
        Two applications of plain manifests. Edit them, commit, and watch Ferry sync the change.

        """,
        "apps/guestbook/configmap.yaml": """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: guestbook-config
          labels:
            app: guestbook
        data:
          GREETING: "Welcome to the guestbook"
          MAX_ENTRIES: "100"

        """,
        "apps/guestbook/deployment.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: guestbook-ui
          labels:
            app: guestbook
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: guestbook
          template:
            metadata:
              labels:
                app: guestbook
            spec:
              containers:
              - name: ui
                image: nginx:1.27
                ports:
                - containerPort: 80
                envFrom:
                - configMapRef:
                    name: guestbook-config

        """,
        "apps/guestbook/service.yaml": """
        apiVersion: v1
        kind: Service
        metadata:
          name: guestbook-ui
          labels:
            app: guestbook
        spec:
          selector:
            app: guestbook
          ports:
          - port: 80
            targetPort: 80

        """,
        "apps/hello/hello.yaml": """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: hello-config
        data:
          message: "hello from Ferry"
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: hello
          labels:
            app: hello
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: hello
          template:
            metadata:
              labels:
                app: hello
            spec:
              containers:
              - name: hello
                image: busybox:1.36
                command: ["sh", "-c", "echo $(MESSAGE) && sleep 3600"]
                env:
                - name: MESSAGE
                  valueFrom:
                    configMapKeyRef:
                      name: hello-config
                      key: message

        """,
    ]
}
