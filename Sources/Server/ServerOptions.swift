import Foundation

/// How `FerryServer` listens and what it serves.
public struct ServerOptions: Sendable {
    /// The address to bind, `127.0.0.1` by default.
    public var host: String
    /// The port to bind; 0 picks an ephemeral port (reported through `onRunning`).
    public var port: Int
    /// The folder holding `templates/` and `static/` for the dashboard.
    public var webDirectory: URL
    /// The admin token API clients and the dashboard must present. Never logged.
    public var adminToken: String
    /// The largest request body accepted; larger bodies get 413.
    public var maxBodySize: Int

    /// Creates options; `webDirectory` defaults to `FerryServer.locateWebDirectory()` or `./web`.
    public init(host: String = "127.0.0.1", port: Int = 8080, webDirectory: URL? = nil,
                adminToken: String, maxBodySize: Int = 1 << 20) {
        self.host = host
        self.port = port
        self.webDirectory = webDirectory ?? FerryServer.locateWebDirectory()
            ?? URL(fileURLWithPath: "web", isDirectory: true)
        self.adminToken = adminToken
        self.maxBodySize = maxBodySize
    }
}
