/// The Python source of the fake HTTP server used by these tests (written to a temp file at run time).
enum FakeServerScript {
    static let source = #"""
# A tiny real HTTP/1.1 server for KubeClient tests: echo, canned errors, streaming, and a fake
# Kubernetes API surface (discovery, one namespaced and one cluster-scoped kind, canned failures).
# Usage: fake_server.py <port-file> [<tls-dir>]
import http.server, json, os, signal, socketserver, ssl, sys

# The test process may block SIGTERM and children inherit the mask: unblock it so terminate() works.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})

counts = {}

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, code, body, ctype="application/json", headers=()):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def status(self, code, reason, message):
        self.send(code, {"kind": "Status", "apiVersion": "v1", "status": "Failure",
                         "reason": reason, "message": message, "code": code})

    def handle_any(self):
        path, _, query = self.path.partition("?")
        length = int(self.headers.get("Content-Length") or 0)
        payload = self.rfile.read(length) if length else b""
        counts[path] = counts.get(path, 0) + 1
        for route, handler in ROUTES:
            if path == route:
                return handler(self, query, payload)
        if path.startswith("/api/v1/namespaces/prod/configmaps/"):
            return configmap(self, path.rsplit("/", 1)[1], query, payload)
        if path.startswith("/api/v1/namespaces/") and path.count("/") == 4:
            return echo_object(self, query, payload)
        self.status(404, "NotFound", "the server could not find the requested resource")

    do_GET = do_POST = do_PATCH = do_DELETE = do_PUT = handle_any


def echo(h, query, payload):
    h.send(200, {"method": h.command, "path": h.path, "peerPort": h.client_address[1],
                 "authorization": h.headers.get("Authorization"),
                 "contentType": h.headers.get("Content-Type"), "body": payload.decode()})

def big(h, query, payload):
    h.send(200, b"x" * 2_000_000, "text/plain")

def lines(h, query, payload):
    h.send(200, b'{"n":1}\n{"n":2}\r\n\n{"n":3}', "application/json")

def plain_error(h, query, payload):
    h.send(500, b"boom", "text/plain")

def flaky(h, query, payload):
    if counts["/flaky"] == 1:
        return h.send(503, b"try later", "text/plain", [("Retry-After", "0")])
    h.send(200, b"ok", "text/plain")

def api(h, query, payload):
    h.send(200, {"kind": "APIVersions", "versions": ["v1"]})

def api_v1(h, query, payload):
    h.send(200, {"kind": "APIResourceList", "groupVersion": "v1", "resources": [
        {"name": "configmaps", "namespaced": True, "kind": "ConfigMap", "verbs": ["get", "list", "patch"], "shortNames": ["cm"]},
        {"name": "configmaps/status", "namespaced": True, "kind": "ConfigMap", "verbs": ["get"]},
        {"name": "namespaces", "namespaced": False, "kind": "Namespace", "verbs": ["get", "list", "patch"]}]})

def apis(h, query, payload):
    h.send(200, {"kind": "APIGroupList", "groups": [
        {"name": "apps", "versions": [{"groupVersion": "apps/v1", "version": "v1"}]},
        {"name": "broken.example.com", "versions": [{"groupVersion": "broken.example.com/v1", "version": "v1"}]}]})

def apps_v1(h, query, payload):
    h.send(200, {"kind": "APIResourceList", "groupVersion": "apps/v1", "resources": [
        {"name": "deployments", "namespaced": True, "kind": "Deployment", "verbs": ["get"]},
        {"name": "deployments/status", "namespaced": True, "kind": "Deployment", "verbs": ["get"]}]})

def broken(h, query, payload):
    h.status(503, "ServiceUnavailable", "the aggregated API is down")

def configmap_list(h, query, payload):
    page = "continue=t1" in query
    item = {"metadata": {"name": "b" if page else "a", "annotations": {"query": query}}}
    meta = {} if page else {"continue": "t1"}
    h.send(200, {"kind": "ConfigMapList", "apiVersion": "v1", "metadata": meta, "items": [item]})

def namespace_object(h, query, payload):
    echo_object(h, query, payload)

def echo_object(h, query, payload):
    obj = json.loads(payload.decode()) if payload else {}
    obj.setdefault("metadata", {}).setdefault("annotations", {})
    obj["metadata"]["annotations"].update({"seen/method": h.command, "seen/path": h.path,
                                           "seen/content-type": h.headers.get("Content-Type") or ""})
    h.send(200, obj)

def configmap(h, name, query, payload):
    if name == "invalid":
        return h.status(422, "Invalid", 'ConfigMap "invalid" is invalid: data: Invalid value')
    if name == "missing":
        return h.status(404, "NotFound", 'configmaps "missing" not found')
    if name == "forbidden":
        return h.status(403, "Forbidden", 'configmaps "forbidden" is forbidden: User "x" cannot patch')
    if name == "conflict":
        return h.status(409, "Conflict", "Apply failed with 1 conflict")
    if name == "flaky" and counts[h.path.partition("?")[0]] == 1:
        return h.send(503, b"", "text/plain", [("Retry-After", "0")])
    if h.command == "DELETE":
        body = json.loads(payload.decode() or "{}")
        if body.get("kind") != "DeleteOptions" or body.get("propagationPolicy") not in ("Foreground", "Background", "Orphan"):
            return h.status(400, "BadRequest", "missing DeleteOptions body")
        return h.send(200, {"kind": "Status", "status": "Success", "details": {"body": payload.decode()}})
    if h.command == "GET":
        return h.send(200, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": name, "namespace": "prod"}})
    echo_object(h, query, payload)


ROUTES = [("/echo", echo), ("/big", big), ("/lines", lines), ("/plain-error", plain_error), ("/flaky", flaky),
          ("/api", api), ("/api/v1", api_v1), ("/apis", apis), ("/apis/apps/v1", apps_v1),
          ("/apis/broken.example.com/v1", broken), ("/api/v1/namespaces/prod/configmaps", configmap_list),
          ("/api/v1/configmaps", configmap_list), ("/api/v1/namespaces/kube-system", namespace_object)]


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


server = Server(("127.0.0.1", 0), Handler)
if len(sys.argv) > 2:
    tls = sys.argv[2]
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(os.path.join(tls, "server.crt"), os.path.join(tls, "server.key"))
    context.load_verify_locations(os.path.join(tls, "ca.crt"))
    context.verify_mode = ssl.CERT_REQUIRED
    server.socket = context.wrap_socket(server.socket, server_side=True)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
server.serve_forever()
"""#
}
