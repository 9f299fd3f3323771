#!/usr/bin/env python3
"""Drives the sandbox with the real Helm v4 engine (helm-python-sdk), as RealClientTests does.

Usage: helm_client.py KUBECONFIG CHART_DIR ACTION [JSON_VALUES]
  ACTION: install (waits for readiness with Helm's kstatus watcher), upgrade, rollback (to revision 1),
          uninstall, status
Prints one JSON object: the release's name, namespace, revision and status (or {"uninstalled": true}).
Run by hand: .venv-tools/bin/python Tests/SandboxTests/clients/helm_client.py data/sandbox/kubeconfig \\
  Tests/SandboxTests/clients/charts/shop install
"""
import json
import sys

import helm_python as helm

NAMESPACE = "shop"
RELEASE = "shop"


def summary(release):
    return {key: release.get(key) for key in ("name", "namespace", "revision", "status")}


def main():
    kubeconfig, chart, action = sys.argv[1:4]
    values = json.loads(sys.argv[4]) if len(sys.argv) > 4 else {}
    config = helm.Config(kubeconfig_path=kubeconfig, namespace=NAMESPACE)
    if action == "install":
        config.install(chart, RELEASE, values, namespace=NAMESPACE, create_namespace=True, wait="watcher",
                       timeout=60)
    elif action == "upgrade":
        config.upgrade(chart, RELEASE, values, namespace=NAMESPACE, wait="watcher", timeout=60)
    elif action == "rollback":
        config.rollback(RELEASE, version=1, wait="watcher", timeout=60)
    elif action == "uninstall":
        config.uninstall(RELEASE, wait="watcher", timeout=60)
        print(json.dumps({"uninstalled": True, "remaining": [r["name"] for r in config.list()]}))
        return
    print(json.dumps(summary(config.status(RELEASE))))


if __name__ == "__main__":
    main()
