#!/usr/bin/env python3
"""`helm template CHART` through Helm v4's Go SDK (helm-python-sdk), client-only: prints the manifest."""
import sys

import helm_python as helm

config = helm.Config(namespace="default", storage_driver="memory",
                     kubeconfig_content="apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n")
release = config.install(sys.argv[1], "release-name", {}, dry_run="client", namespace="default")
sys.stdout.write(release["manifest"].strip() + "\n")
