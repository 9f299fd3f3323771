#!/usr/bin/env python3
"""The subset of the `helm` CLI that kustomize's HelmChartInflationGenerator runs, on top of Helm v4's
engine (helm-python-sdk), so that regenerate.sh can record `kubectl kustomize --enable-helm` output on a
machine without a helm binary.

kustomize (v5.5, kubectl 1.32) runs exactly:
  helm version -c --short                      -> must print a v3 version, or kustomize refuses the binary
  helm pull --untar --untardir DIR --repo URL NAME [--version V]   (only when the chart is not present)
  helm template (RELEASE | --generate-name) CHART [--namespace NS] [--name-template T] [-f FILE]...
                [--api-versions GV]... [--kube-version V] [--include-crds] [--skip-tests] [--no-hooks]
This shim answers `version`, renders `template` like `helm template` (the same assembly as
../../Helm/regenerate.py), and fails on `pull` (no network) and on flags the SDK cannot express
(--api-versions, --kube-version, --name-template), so a case never records something the engine did not do.
"""
import os
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "Helm"))
import helm_python as helm  # noqa: E402
import regenerate  # noqa: E402  (Tests/RenderingTests/Helm/regenerate.py: merge, documents, KUBECONFIG)

UNSUPPORTED = {"--api-versions", "--kube-version", "--name-template", "--debug", "--devel"}


def fail(message):
    sys.stderr.write(f"Error: {message}\n")
    sys.exit(1)


def parse_template(args):
    positional, files, opts = [], [], {"namespace": "default", "include_crds": False, "no_hooks": False,
                                         "skip_tests": False, "generate_name": False}
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("--namespace", "-n", "-f", "--values"):
            if i + 1 >= len(args):
                fail(f"flag needs an argument: {a}")
            if a in ("-f", "--values"):
                files.append(args[i + 1])
            else:
                opts["namespace"] = args[i + 1]
            i += 2
            continue
        if a in UNSUPPORTED:
            fail(f"helm shim: {a} is not supported by the helm-python-sdk engine")
        flag = {"--include-crds": "include_crds", "--no-hooks": "no_hooks", "--skip-tests": "skip_tests",
                "--generate-name": "generate_name"}.get(a)
        if flag:
            opts[flag] = True
        elif a.startswith("-"):
            fail(f"helm shim: unknown flag {a}")
        else:
            positional.append(a)
        i += 1
    return positional, files, opts


def template(args):
    positional, files, opts = parse_template(args)
    if len(positional) == 2:
        name, chart_dir = positional
    elif len(positional) == 1 and opts["generate_name"]:
        chart_dir = positional[0]
        name = f"{os.path.basename(chart_dir.rstrip('/'))}-{int(time.time())}"
    else:
        fail("helm shim: expected RELEASE CHART or --generate-name CHART")
    values = {}
    for path in files:
        with open(path) as f:
            values = regenerate.merge(values, helm.values_from_yaml(f.read()) or {})
    namespace = opts["namespace"]
    try:
        config = helm.Config(namespace=namespace, storage_driver="memory", kubeconfig_content=regenerate.KUBECONFIG)
        release = config.install(chart_dir, name, values, dry_run="client", namespace=namespace)
        chart = helm.Chart.load(chart_dir)
        manifest = release.get("manifest", "")
        if opts["include_crds"]:
            manifest = "".join(f"---\n# Source: {c['filename']}\n{c['data']}\n" for c in chart.crds) + manifest
        out = manifest.strip() + "\n"
        if not opts["no_hooks"]:
            flags = {"release_name": name, "namespace": namespace}
            for path, doc in regenerate.documents(chart, values, flags)[1]:
                if opts["skip_tests"] and re.search(r"helm\.sh/hook[\"']?:\s*[\"']?[^\n]*\btest\b", doc):
                    continue
                out += f"---\n# Source: {path}\n{doc}\n"
    except helm.HelmError as error:
        fail(str(error).strip())
    sys.stdout.write(out)


def main():
    args = sys.argv[1:]
    if not args:
        fail("helm shim: no command")
    if args[0] == "version":
        print("v3.99.0+helm-v4-engine-shim")  # kustomize v5.5 accepts only a v3 major version
    elif args[0] == "template":
        template(args[1:])
    elif args[0] == "pull":
        fail("helm shim: pull is not supported (no network; put the chart under the chart home)")
    else:
        fail(f"helm shim: unsupported command {args[0]}")


if __name__ == "__main__":
    main()
