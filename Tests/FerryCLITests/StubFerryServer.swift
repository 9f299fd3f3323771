import Foundation
import Testing

/// A tiny real HTTP server (python3) on 127.0.0.1 that answers canned responses and records requests,
/// so the API client is tested over real sockets through libcurl.
final class StubFerryServer {
    /// One canned answer.
    struct Route { var status: Int; var body: String }
    /// One recorded request.
    struct Recorded: Decodable { var method: String; var path: String; var authorization: String; var body: String }

    private(set) var url = ""
    private let process: Process
    /// The child's stdin; closing it (or this test process dying) makes the script exit.
    private let lifeline = Pipe()
    private let directory: TemporaryDirectory

    /// Starts the server with routes keyed `"METHOD /path?query"` and waits until it listens; unknown
    /// routes answer 404.
    static func start(routes: [String: Route]) async throws -> StubFerryServer {
        let server = try StubFerryServer(routes: routes)
        server.url = "http://127.0.0.1:\(try await waitForPort(in: server.directory.url, process: server.process))"
        return server
    }

    private init(routes: [String: Route]) throws {
        directory = try TemporaryDirectory()
        let dir = directory.url
        let routesJSON = routes.mapValues { ["status": $0.status, "body": $0.body] as [String: Any] }
        try JSONSerialization.data(withJSONObject: routesJSON).write(to: dir.appendingPathComponent("routes.json"))
        try Data(Self.script.utf8).write(to: dir.appendingPathComponent("server.py"))
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", dir.appendingPathComponent("server.py").path, dir.path]
        process.standardInput = lifeline
        try process.run()
    }

    /// Stops the server without blocking: the script exits when its stdin closes. (No `waitUntilExit`:
    /// it spins a run loop and can hang on the cooperative pool.)
    deinit {
        try? lifeline.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
    }

    /// The requests received so far, in order.
    func requests() throws -> [Recorded] {
        let log = directory.url.appendingPathComponent("requests.log")
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Recorded.self, from: Data($0.utf8)) }
    }

    /// Polls for the port file the script writes once it is listening (deadline 60 s). The file is read before
    /// the deadline is checked: when the whole suite keeps the pool threads busy, this task may only resume after
    /// the deadline, and a server that started meanwhile must still be found.
    private static func waitForPort(in dir: URL, process: Process) async throws -> Int {
        let deadline = Date().addingTimeInterval(60)
        let portFile = dir.appendingPathComponent("port")
        while true {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), text.hasSuffix("\n"),
               let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return port
            }
            guard Date() < deadline, process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw StubError(message: "python3 stub server did not start")
    }

    struct StubError: Error { var message: String }

    private static let script = #"""
    import json, os, signal, sys, threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    # Threads of the test process block signals and children inherit the mask: unblock SIGTERM.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    def lifeline():
        sys.stdin.buffer.read()
        os._exit(0)
    threading.Thread(target=lifeline, daemon=True).start()
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
