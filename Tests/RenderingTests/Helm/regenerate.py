#!/usr/bin/env python3
"""Re-creates the golden files of every case under charts/ with the real Helm engine (Helm v4's Go SDK
through helm-python-sdk's libhelm_c, no cluster involved). See README.md for the venv.

A case is charts/<case>/ holding:
  chart/            the chart (Chart.yaml, values.yaml, templates/, charts/, crds/, ...)
  flags.json        optional: {"release_name", "namespace", "values_files": [paths relative to the case],
                    "set": [...], "set_string": [...], "set_json": [...], "include_crds": bool,
                    "kube_version": "v1.x.y", "api_versions": [...], "is_upgrade": bool}
  pending.txt       optional: the case is kept but the parity test reports it skipped with this reason
It writes expected.yaml (what `helm template` prints) or expected-error.txt (Helm's error message).

How `helm template` output is assembled: the release manifest comes from a client-only dry-run install
(CRDs first when --include-crds, then the documents in install order with `# Source:` lines). The dry-run API
does not return hooks, so hook documents are taken from the same engine's render output and appended in
Helm's order (templates by path, stable by kind install order), as `helm template` prints them.
The dry-run install takes no --kube-version, --api-versions or --is-upgrade; a case that sets them is rendered
through the engine's render call, which does (its options JSON has kube_version, api_versions and is_upgrade),
and its documents are ordered the same way in this script.
"""
import json
import os
import re
import sys

import helm_python as helm
from helm_python import _native

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "charts")
KUBECONFIG = "apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n"
INSTALL_ORDER = [
    "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
    "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
    "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole", "ClusterRoleList",
    "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList",
    "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
    "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
    "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
]
HOOK_EVENTS = {"pre-install", "post-install", "pre-delete", "post-delete", "pre-upgrade", "post-upgrade",
               "pre-rollback", "post-rollback", "test", "test-success"}
SEP = re.compile(r"(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*")


def merge(base, override):
    """Helm's mergeMaps for values files: maps merge recursively, anything else replaces."""
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def user_values(case_dir, flags):
    values = {}
    for path in flags.get("values_files", []):
        with open(os.path.join(case_dir, path)) as f:
            values = merge(values, helm.values_from_yaml(f.read()))
    for expr in flags.get("set_json", []):
        values = merge(values, helm.parse_set_json(expr))
    for expr in flags.get("set", []):
        values = merge(values, helm.parse_set_string(expr))
    for expr in flags.get("set_string", []):
        values = merge(values, helm.parse_set_string_values(expr))
    return values


ENGINE_FLAGS = ("kube_version", "api_versions", "is_upgrade")


def engine_render(chart, values, flags):
    """The engine's output (template path -> text), with the flags the render call takes."""
    opts = {"name": flags.get("release_name", "release-name"), "namespace": flags.get("namespace", "default")}
    opts.update({k: flags[k] for k in ENGINE_FLAGS if k in flags})
    if flags.get("is_upgrade"):
        opts["is_install"] = False
    out = _native.call_string("helm_render", chart._raw(), json.dumps(values), json.dumps(opts))
    return json.loads(out)


def documents(chart, values, flags):
    """(manifests, hooks): the (path, document) pairs of the engine's output that are not hooks, and those that
    are, each in `helm template` order: templates by path, then stable by kind install order. A document
    annotated with an unknown hook event is in neither."""
    rendered = engine_render(chart, values, flags)
    found = {False: [], True: []}
    for path in sorted(rendered):
        if path.endswith("NOTES.txt") or not rendered[path].strip():
            continue
        for doc in SEP.split(rendered[path].lstrip()):
            doc = doc.lstrip()
            if not doc:
                continue
            m = re.search(r"^\s+[\"']?helm\.sh/hook[\"']?:\s*[\"']?([^\"'\n]+)", doc, re.M)
            if m and not all(e.strip().lower() in HOOK_EVENTS for e in m.group(1).split(",")):
                continue
            kind = re.search(r"^kind:\s*(\S+)", doc, re.M)
            found[bool(m)].append((path, doc, kind.group(1) if kind else ""))

    def ordered(items):
        def key(item):
            index, (_, _, kind) = item
            rank = INSTALL_ORDER.index(kind) if kind in INSTALL_ORDER else len(INSTALL_ORDER)
            return (rank, kind if rank == len(INSTALL_ORDER) else "", index)
        return [(p, d) for _, (p, d, _) in sorted(enumerate(items), key=key)]
    return ordered(found[False]), ordered(found[True])


def render(case_dir):
    flags = {}
    if os.path.exists(os.path.join(case_dir, "flags.json")):
        with open(os.path.join(case_dir, "flags.json")) as f:
            flags = json.load(f)
    chart_dir = os.path.join(case_dir, "chart")
    values = user_values(case_dir, flags)
    chart = helm.Chart.load(chart_dir)
    if any(k in flags for k in ENGINE_FLAGS):
        manifests, hooks = documents(chart, values, flags)
        manifest = "".join(f"---\n# Source: {path}\n{doc}\n" for path, doc in manifests)
    else:
        config = helm.Config(namespace=flags.get("namespace", "default"), storage_driver="memory",
                             kubeconfig_content=KUBECONFIG)
        release = config.install(chart_dir, flags.get("release_name", "release-name"), values, dry_run="client",
                                 namespace=flags.get("namespace", "default"))
        manifest = release.get("manifest", "")
        hooks = documents(chart, values, flags)[1]  # the dry-run install does not return hooks
    if flags.get("include_crds"):
        crds = "".join(f"---\n# Source: {c['filename']}\n{c['data']}\n" for c in chart.crds)
        manifest = crds + manifest
    out = manifest.strip() + "\n"
    for path, doc in hooks:
        out += f"---\n# Source: {path}\n{doc}\n"
    return out


def read(path):
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return f.read()


def main():
    """Usage: regenerate.py [--force | --check] [case ...]. Without --force, a structure-only case (random
    certificates) keeps its expected.yaml, and an error whose lines only came out in another order (Helm lists
    schema failures in map order) keeps its expected-error.txt, so re-recording does not churn.
    --check writes nothing: it renders every case again and exits 1, naming the cases, when a committed golden
    file no longer matches what the real engine prints (structure-only cases are skipped)."""
    args = sys.argv[1:]
    force = "--force" in args
    check = "--check" in args
    names = [a for a in args if a not in ("--force", "--check")] or sorted(os.listdir(CASES))
    stale = []
    for name in names:
        case_dir = os.path.join(CASES, name)
        expected_path = os.path.join(case_dir, "expected.yaml")
        error_path = os.path.join(case_dir, "expected-error.txt")
        structure_only = "structure" in (read(os.path.join(case_dir, "compare.txt")) or "")
        if structure_only and not force and read(expected_path) is not None:
            print(f"kept  {name} (structure-only; --force to re-record)")
            continue
        old_error = read(error_path)
        old_expected = read(expected_path)
        try:
            text, message = render(case_dir), None
        except helm.HelmError as error:
            text, message = None, str(error).strip() + "\n"
            if old_error is not None and sorted(old_error.splitlines()) == sorted(message.splitlines()):
                message = old_error
        if check:
            if (text, message) != (old_expected, old_error):
                stale.append(name)
                print(f"STALE {name}")
            else:
                print(f"same  {name}")
            continue
        for path in (expected_path, error_path):
            if os.path.exists(path):
                os.remove(path)
        if message is not None:
            with open(error_path, "w") as f:
                f.write(message)
            print(f"error {name}: {message.splitlines()[0]}")
            continue
        with open(expected_path, "w") as f:
            f.write(text)
        print(f"ok    {name}")
    if stale:
        print(f"{len(stale)} stale golden file(s): {', '.join(stale)}; re-record with regenerate.py {' '.join(stale)}")
        sys.exit(1)


if __name__ == "__main__":
    main()
