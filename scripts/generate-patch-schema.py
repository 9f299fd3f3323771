#!/usr/bin/env python3
"""Derives Sources/Patch/Resources/patch-schema.json from the Kubernetes OpenAPI definitions.

Keeps only what strategic merge patch and server-side apply need, so the Patch module loads a small file:

    {"kinds": {"apps/v1/Deployment": "io.k8s.api.apps.v1.Deployment", ...},
     "types": {"io.k8s.api.apps.v1.DeploymentSpec": {
         "fields": {"strategy": {"type": "io.k8s.api.apps.v1.DeploymentStrategy", "strategy": "retainKeys"},
                    "template": {"type": "io.k8s.api.core.v1.PodTemplateSpec"}}},
               "io.k8s.api.core.v1.PodSpec": {"fields": {"containers": {
                   "container": "list", "type": "io.k8s.api.core.v1.Container", "strategy": "merge",
                   "mergeKey": "name", "listType": "map", "listMapKeys": ["name"]}, ...}}}}

A field is kept when it refers to another type (directly, as list items or as map values) or carries
patch/list/map metadata. "container" is "list" for arrays and "map" for maps with typed values.
Usage: scripts/generate-patch-schema.py [definitions.json] [output.json]
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "..", "shared", "data", "kubernetes-1.37-definitions.json")
TARGET = os.path.join(ROOT, "Sources", "Patch", "Resources", "patch-schema.json")
REF_PREFIXES = ("#/$defs/", "#/definitions/")


def ref_name(schema):
    ref = schema.get("$ref") if isinstance(schema, dict) else None
    if not ref:
        return None
    for prefix in REF_PREFIXES:
        if ref.startswith(prefix):
            return ref[len(prefix):]
    return None


def compact_field(schema):
    field = {}
    name = ref_name(schema)
    if name:
        field["type"] = name
    items = schema.get("items")
    if isinstance(items, dict):
        field["container"] = "list"
        if ref_name(items):
            field["type"] = ref_name(items)
    values = schema.get("additionalProperties")
    if isinstance(values, dict) and ref_name(values):
        field["container"] = "map"
        field["type"] = ref_name(values)
    for source, target in (("x-kubernetes-patch-strategy", "strategy"),
                           ("x-kubernetes-patch-merge-key", "mergeKey"),
                           ("x-kubernetes-list-type", "listType"),
                           ("x-kubernetes-list-map-keys", "listMapKeys"),
                           ("x-kubernetes-map-type", "mapType")):
        if source in schema:
            field[target] = schema[source]
    if field.keys() <= {"container"}:
        return None
    return field


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else SOURCE
    target = sys.argv[2] if len(sys.argv) > 2 else TARGET
    with open(source) as f:
        document = json.load(f)
    definitions = document.get("$defs") or document.get("definitions") or {}
    kinds, types = {}, {}
    for name in sorted(definitions):
        definition = definitions[name]
        for gvk in definition.get("x-kubernetes-group-version-kind", []):
            group, version, kind = gvk.get("group", ""), gvk["version"], gvk["kind"]
            api_version = f"{group}/{version}" if group else version
            kinds.setdefault(f"{api_version}/{kind}", name)
        fields = {}
        for field_name, schema in sorted(definition.get("properties", {}).items()):
            field = compact_field(schema)
            if field:
                fields[field_name] = field
        entry = {}
        if fields:
            entry["fields"] = fields
        if "x-kubernetes-map-type" in definition:
            entry["mapType"] = definition["x-kubernetes-map-type"]
        if entry:
            types[name] = entry
    with open(target, "w") as f:
        json.dump({"kinds": kinds, "types": types}, f, separators=(",", ":"), sort_keys=True)
        f.write("\n")
    print(f"{target}: {len(kinds)} kinds, {len(types)} types, {os.path.getsize(target)} bytes")


if __name__ == "__main__":
    main()
