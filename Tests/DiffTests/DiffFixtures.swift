import FerryCore

/// Inline manifests for the diff tests.
enum DiffFixtures {
    /// What Git wants, tracking annotation already added.
    static let deploymentYAML = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      namespace: prod
      labels:
        app: web
        tier: frontend
      annotations:
        ferry.dev/tracking-id: demo:apps/Deployment:prod/web
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
            image: nginx:1.25
            ports:
            - containerPort: 80
    """

    /// The same Deployment as the API server returns it: server fields, defaults and status added.
    static let liveDeploymentYAML = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      namespace: prod
      uid: 4a3c1d2e-9f7b-4c8e-a1d2-3b4c5d6e7f80
      resourceVersion: "81234"
      generation: 3
      creationTimestamp: "2025-01-01T00:00:00Z"
      labels:
        app: web
        tier: frontend
      annotations:
        deployment.kubernetes.io/revision: "3"
        ferry.dev/tracking-id: demo:apps/Deployment:prod/web
        kubectl.kubernetes.io/last-applied-configuration: '{"kind":"Deployment"}'
      managedFields:
      - manager: ferry
        operation: Apply
        apiVersion: apps/v1
    spec:
      replicas: 2
      revisionHistoryLimit: 10
      progressDeadlineSeconds: 600
      selector:
        matchLabels:
          app: web
      strategy:
        type: RollingUpdate
        rollingUpdate:
          maxSurge: 25%
          maxUnavailable: 25%
      template:
        metadata:
          labels:
            app: web
        spec:
          containers:
          - name: web
            image: nginx:1.25
            imagePullPolicy: IfNotPresent
            ports:
            - containerPort: 80
              protocol: TCP
            terminationMessagePath: /dev/termination-log
          dnsPolicy: ClusterFirst
          restartPolicy: Always
          schedulerName: default-scheduler
    status:
      observedGeneration: 3
      replicas: 2
      availableReplicas: 2
    """

    static let secretYAML = """
    apiVersion: v1
    kind: Secret
    metadata:
      name: db
      namespace: prod
    type: Opaque
    data:
      password: aHVudGVyMg==
      user: YWRtaW4=
    """

    static func object(_ yaml: String) -> KubeObject {
        (try? Manifests.parse(yaml, file: "fixture.yaml").first) ?? KubeObject(.null)
    }

    static var deployment: KubeObject { object(deploymentYAML) }
    static var liveDeployment: KubeObject { object(liveDeploymentYAML) }
    static var secret: KubeObject { object(secretYAML) }
}
