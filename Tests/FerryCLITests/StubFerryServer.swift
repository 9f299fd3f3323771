import Foundation
import Testing

/// A tiny real HTTP server (python3) on 127.0.0.1 that answers canned responses and records requests,
/// so the API client is tested over real sockets through libcurl.
final class StubFerryServer {
    /// One canned answer.
    struct Route { var status: Int; var body: String }
    /// One recorded request.
    struct Recorded: Decodable { var method: String; var path: String; var authorization: String; var body: String }

    let url: String
    private let process: Process
    private let directory: TemporaryDirectory

    /// Starts the server with routes keyed `"METHOD /path?query"`; unknown routes answer 404.
    init(routes: [String: Route]) throws {
        directory = try TemporaryDirectory()
        let dir = directory.url
        let routesJSON = routes.mapValues { ["status": $0.status, "body": $0.body] as [String: Any] }
        try JSONSerialization.data(withJSONObject: routesJSON).write(to: dir.appendingPathComponent("routes.json"))
        try Data(Self.script.utf8).write(to: dir.appendingPathComponent("server.py"))
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", dir.appendingPathComponent("server.py").path, dir.path]
        try process.run()
        url = "http://127.0.0.1:\(try Self.waitForPort(in: dir, process: process))"
    }

    deinit {
        if process.isRunning { process.terminate(); process.waitUntilExit() }
    }

    /// The requests received so far, in order.
    func requests() throws -> [Recorded] {
        let log = directory.url.appendingPathComponent("requests.log")
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Recorded.self, from: Data($0.utf8)) }
    }

    /// Polls for the port file the script writes once it is listening (deadline 20 s).
    private static func waitForPort(in dir: URL, process: Process) throws -> Int {
        let deadline = Date().addingTimeInterval(20)
        let portFile = dir.appendingPathComponent("port")
        while Date() < deadline && process.isRunning {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), text.hasSuffix("\n"),
               let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return port
            }
            usleep(20_000)
        }
        throw StubError(message: "python3 stub server did not start")
    }

    struct StubError: Error { var message: String }

    private static let script = #"""
    import json, os, sys
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    d = sys.argv[1]
    routes = json.load(open(os.path.join(d, "routes.json")))
    class H(BaseHTTPRequestHandler):
        def handle_any(self):
            n = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(n).decode() if n else ""
            rec = {"method": self.command, "path": self.path, "authorization": self.headers.get("Authorization") or "", "body": body}
            with open(os.path.join(d, "requests.log"), "a") as f:
                f.write(json.dumps(rec) + "\n")
            r = routes.get(self.command + " " + self.path, {"status": 404, "body": json.dumps({"error": "no route " + self.path})})
            data = r["body"].encode()
            self.send_response(r["status"])
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        do_GET = do_POST = do_DELETE = handle_any
        def log_message(self, *a): pass
    s = ThreadingHTTPServer(("127.0.0.1", 0), H)
    tmp = os.path.join(d, "port.tmp")
    with open(tmp, "w") as f: f.write("%d\n" % s.server_address[1])
    os.rename(tmp, os.path.join(d, "port"))
    s.serve_forever()
    """#
}
