#!/usr/bin/env python3
"""Load for Benchmarks/sandbox/run.sh, straight over HTTP (keep-alive connections, one per thread).

  load.py create  KUBECONFIG NAMESPACE COUNT THREADS      create COUNT ConfigMaps
  load.py pages   KUBECONFIG PATH LIMIT                   list PATH in pages of LIMIT (following continue)
  load.py fanout  KUBECONFIG NAMESPACE WATCHERS CHANGES   WATCHERS watches from the current resourceVersion,
                                                          then CHANGES creates; waits until every watcher has
                                                          seen every change
Prints one JSON object: seconds, requests or events, and the rate.
"""
import http.client
import json
import sys
import threading
import time
from urllib.parse import urlparse


def server_and_token(kubeconfig):
    server = token = None
    for line in open(kubeconfig):
        line = line.strip()
        if line.startswith("server:"):
            server = line.split(":", 1)[1].strip()
        elif line.startswith("token:"):
            token = line.split(":", 1)[1].strip()
    return urlparse(server), token


def connect(url):
    return http.client.HTTPConnection(url.hostname, url.port, timeout=120)


def request(conn, token, method, path, body=None):
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json", "Accept": "application/json"}
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = conn.getresponse()
    data = response.read()
    if response.status >= 300:
        raise RuntimeError(f"{method} {path}: {response.status} {data[:200]!r}")
    return json.loads(data) if data else None


def configmap(name):
    return {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": name, "labels": {"bench": "true"}},
            "data": {"key": name, "payload": "x" * 64}}


def create(url, token, namespace, count, threads, prefix="cm"):
    path = f"/api/v1/namespaces/{namespace}/configmaps"

    def worker(start):
        conn = connect(url)
        for i in range(start, count, threads):
            request(conn, token, "POST", path, configmap(f"{prefix}-{i:05d}"))
        conn.close()

    began = time.perf_counter()
    workers = [threading.Thread(target=worker, args=(t,)) for t in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    seconds = time.perf_counter() - began
    return {"seconds": round(seconds, 3), "requests": count, "per_second": round(count / seconds)}


def pages(url, token, path, limit):
    conn = connect(url)
    began = time.perf_counter()
    items = count = 0
    token_text = ""
    while True:
        page = request(conn, token, "GET", f"{path}?limit={limit}" + (f"&continue={token_text}" if token_text else ""))
        items += len(page["items"])
        count += 1
        token_text = page["metadata"].get("continue", "")
        if not token_text:
            break
    seconds = time.perf_counter() - began
    return {"seconds": round(seconds, 3), "items": items, "pages": count}


def fanout(url, token, namespace, watchers, changes):
    conn = connect(url)
    start = request(conn, token, "GET", f"/api/v1/namespaces/{namespace}/configmaps?limit=1")["metadata"]["resourceVersion"]
    ready = threading.Barrier(watchers + 1)
    done = [0.0] * watchers
    seen = [0] * watchers

    def watch(index):
        c = connect(url)
        c.request("GET", f"/api/v1/namespaces/{namespace}/configmaps?watch=1&resourceVersion={start}"
                  f"&timeoutSeconds=110", headers={"Authorization": f"Bearer {token}"})
        response = c.getresponse()
        ready.wait()
        while seen[index] < changes:
            line = response.readline()
            if not line:
                break
            if b'"ADDED"' in line[:20]:
                seen[index] += 1
        done[index] = time.perf_counter()
        c.close()

    threads = [threading.Thread(target=watch, args=(i,)) for i in range(watchers)]
    for t in threads:
        t.start()
    ready.wait()
    began = time.perf_counter()
    create(url, token, namespace, changes, 4, prefix="watched")
    for t in threads:
        t.join()
    seconds = max(done) - began
    events = sum(seen)
    return {"seconds": round(seconds, 3), "events": events, "expected": watchers * changes,
            "per_second": round(events / seconds)}


def main():
    mode, kubeconfig, namespace = sys.argv[1:4]
    url, token = server_and_token(kubeconfig)
    if mode == "pages":
        print(json.dumps(pages(url, token, namespace, int(sys.argv[4]))))
        return
    a, b = int(sys.argv[4]), int(sys.argv[5])
    result = create(url, token, namespace, a, b) if mode == "create" else fanout(url, token, namespace, a, b)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
