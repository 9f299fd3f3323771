#!/usr/bin/env python3
"""Writes a Kustomize overlay of N apps (Deployment + Service + ConfigMap each) over a base, for the render
benchmark. The overlay uses a namespace, a name prefix, labels, annotations, images, replicas, generators,
a strategic-merge patch (every Deployment, by label selector) and a JSON 6902 patch (every Service). Usage: generate.py OUT_DIR [N]  (default N = 334, i.e. about 1,000 resources)."""
import os
import sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 334
base = os.path.join(out, "base")
overlay = os.path.join(out, "overlays", "prod")
os.makedirs(base, exist_ok=True)
os.makedirs(overlay, exist_ok=True)

resources = []
for i in range(n):
    name = f"svc-{i:04d}"
    path = os.path.join(base, f"{name}.yaml")
    with open(path, "w") as f:
        f.write(f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  labels:
    app: {name}
spec:
  replicas: 1
  selector:
    matchLabels:
      app: {name}
  template:
    metadata:
      labels:
        app: {name}
    spec:
      containers:
      - name: app
        image: registry.example.com/team/{name}:1.0.0
        ports:
        - containerPort: 8080
        envFrom:
        - configMapRef:
            name: {name}-config
---
apiVersion: v1
kind: Service
metadata:
  name: {name}
spec:
  selector:
    app: {name}
  ports:
  - port: 80
    targetPort: 8080
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {name}-config
data:
  LOG_LEVEL: info
  INDEX: "{i}"
""")
    resources.append(f"{name}.yaml")

with open(os.path.join(base, "kustomization.yaml"), "w") as f:
    f.write("resources:\n" + "".join(f"- {r}\n" for r in resources))
    f.write("configMapGenerator:\n- name: shared\n  literals:\n  - REGION=eu-west-1\n  - TIER=backend\n")

images = "".join(f"- name: registry.example.com/team/svc-{i:04d}\n  newTag: 2.0.{i}\n" for i in range(0, n, 7))
replicas = "".join(f"- name: svc-{i:04d}\n  count: 3\n" for i in range(0, n, 5))
with open(os.path.join(overlay, "kustomization.yaml"), "w") as f:
    f.write(f"""resources:
- ../../base
namespace: prod
namePrefix: prod-
commonLabels:
  env: prod
commonAnnotations:
  team: platform
images:
{images}replicas:
{replicas}configMapGenerator:
- name: shared
  behavior: merge
  literals:
  - TIER=frontend
secretGenerator:
- name: prod-credentials
  literals:
  - user=admin
patches:
- target:
    kind: Deployment
    labelSelector: app
  patch: |-
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: every-deployment
    spec:
      template:
        spec:
          containers:
          - name: app
            env:
            - name: ENVIRONMENT
              value: prod
            resources:
              requests:
                cpu: 100m
                memory: 128Mi
              limits:
                memory: 256Mi
- target:
    version: v1
    kind: Service
  patch: |-
    - op: add
      path: /spec/sessionAffinity
      value: ClientIP
    - op: replace
      path: /spec/ports/0/port
      value: 8080
""")
print(overlay)
