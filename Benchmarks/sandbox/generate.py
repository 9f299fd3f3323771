#!/usr/bin/env python3
"""Writes N objects for the server-side apply phase of run.sh: Deployments, Services and ConfigMaps spread over
four namespaces (the namespaces first). Usage: generate.py OUT.yaml N [variant]; a different variant changes
every object's data or image, for the changed re-apply."""
import sys

out, n = sys.argv[1], int(sys.argv[2])
variant = sys.argv[3] if len(sys.argv) > 3 else "a"
docs = [f"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: bench-{i}\n" for i in range(4)]
for i in range(n):
    ns, kind = f"bench-{i % 4}", ("Deployment", "Service", "ConfigMap")[i % 3]
    if kind == "Deployment":
        docs.append(f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-{i}
  namespace: {ns}
  labels: {{app: app-{i}, tier: bench}}
spec:
  replicas: 1
  selector:
    matchLabels: {{app: app-{i}}}
  template:
    metadata:
      labels: {{app: app-{i}}}
    spec:
      containers:
      - name: app
        image: nginx:1.27-{variant}
        ports:
        - containerPort: 8080
        env:
        - {{name: MODE, value: bench}}
        resources:
          requests: {{cpu: 10m, memory: 16Mi}}
""")
    elif kind == "Service":
        docs.append(f"""apiVersion: v1
kind: Service
metadata:
  name: svc-{i}
  namespace: {ns}
spec:
  selector: {{app: app-{i - 1}}}
  ports:
  - {{name: http, port: 80, targetPort: 8080}}
""")
    else:
        docs.append(f"""apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg-{i}
  namespace: {ns}
data:
  variant: "{variant}"
  settings: "{'x' * 100}"
""")
with open(out, "w") as f:
    f.write("---\n".join(docs))
