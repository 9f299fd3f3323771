#!/usr/bin/env python3
"""Drives the sandbox with the official Kubernetes Python client, as RealClientTests does: paged lists,
a watch from a resourceVersion, the three patch types, create/delete, and the 404 and 409 errors.

Usage: python_client.py KUBECONFIG   (prints one JSON object with what it saw)
Run by hand: .venv-tools/bin/python Tests/SandboxTests/clients/python_client.py data/sandbox/kubeconfig
"""
import json
import sys

from kubernetes import client, config, watch
from kubernetes.client.rest import ApiException

NS = "pyclient"


def error_of(call):
    try:
        call()
    except ApiException as error:
        return {"status": error.status, "reason": json.loads(error.body).get("reason")}
    return None


def main():
    config.load_kube_config(config_file=sys.argv[1])
    core, apps = client.CoreV1Api(), client.AppsV1Api()
    out = {}
    core.create_namespace(client.V1Namespace(metadata=client.V1ObjectMeta(name=NS)))
    for i in range(7):
        core.create_namespaced_config_map(NS, client.V1ConfigMap(
            metadata=client.V1ObjectMeta(name=f"cm-{i}", labels={"app": "py"}), data={"i": str(i)}))

    names, token, pages = [], None, 0
    while True:
        page = core.list_namespaced_config_map(NS, limit=3, _continue=token, label_selector="app=py")
        names += [item.metadata.name for item in page.items]
        pages += 1
        token = page.metadata._continue
        if not token:
            break
    out["paged"] = {"names": names, "pages": pages}
    start = core.list_namespaced_config_map(NS).metadata.resource_version

    # The client picks the patch type from the body: a dict is a strategic merge patch, a list a JSON patch.
    core.patch_namespaced_config_map("cm-0", NS, {"data": {"extra": "x"}})
    core.patch_namespaced_config_map("cm-1", NS, [{"op": "replace", "path": "/data/i", "value": "one"}])
    # A JSON merge patch has to be asked for: null deletes a key.
    core.patch_namespaced_config_map("cm-3", NS, {"data": {"i": None, "merged": "yes"}},
                                     _content_type="application/merge-patch+json")
    container = client.V1Container(name="web", image="nginx:1.27", env=[client.V1EnvVar(name="A", value="1")])
    apps.create_namespaced_deployment(NS, client.V1Deployment(
        metadata=client.V1ObjectMeta(name="web"),
        spec=client.V1DeploymentSpec(
            replicas=1, selector=client.V1LabelSelector(match_labels={"app": "web"}),
            template=client.V1PodTemplateSpec(metadata=client.V1ObjectMeta(labels={"app": "web"}),
                                              spec=client.V1PodSpec(containers=[container])))))
    apps.patch_namespaced_deployment("web", NS, {"spec": {"template": {"spec": {"containers": [
        {"name": "web", "env": [{"name": "B", "value": "2"}]}]}}}})
    deployment = apps.read_namespaced_deployment("web", NS)
    out["strategic_env"] = sorted(env.name for env in deployment.spec.template.spec.containers[0].env)
    core.delete_namespaced_config_map("cm-6", NS)

    stream, events = watch.Watch(), []
    for event in stream.stream(core.list_namespaced_config_map, NS, resource_version=start, timeout_seconds=5):
        events.append([event["type"], event["object"].metadata.name])
        if len(events) == 4:
            stream.stop()
    out["watch"] = events
    out["cm0"] = core.read_namespaced_config_map("cm-0", NS).data
    out["cm1"] = core.read_namespaced_config_map("cm-1", NS).data
    out["cm3"] = core.read_namespaced_config_map("cm-3", NS).data

    out["not_found"] = error_of(lambda: core.read_namespaced_config_map("nope", NS))
    stale = core.read_namespaced_config_map("cm-2", NS)
    stale.metadata.resource_version = "1"
    out["conflict"] = error_of(lambda: core.replace_namespaced_config_map("cm-2", NS, stale))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
