import Foundation
import Testing
@testable import FerryCLI

@Suite struct ClientSettingsTests {
    let saved = ClientConfig(server: "http://saved.example:9000", token: "saved-token")

    @Test func usesTheDefaultServerAndNoTokenWhenNothingIsConfigured() throws {
        let s = try ClientSettings.resolve(server: nil, token: nil, environment: [:], config: nil)
        #expect(s.server.absoluteString == "http://127.0.0.1:8080")
        #expect(s.token == nil)
    }

    @Test func prefersOptionsOverEnvironmentOverSavedConfig() throws {
        let env = ["FERRY_SERVER": "http://env.example:8080", "FERRY_TOKEN": "env-token"]
        let fromOptions = try ClientSettings.resolve(server: "http://opt.example", token: "opt-token", environment: env, config: saved)
        #expect(fromOptions == ClientSettings(server: URL(string: "http://opt.example")!, token: "opt-token"))
        let fromEnv = try ClientSettings.resolve(server: nil, token: nil, environment: env, config: saved)
        #expect(fromEnv == ClientSettings(server: URL(string: "http://env.example:8080")!, token: "env-token"))
        let fromConfig = try ClientSettings.resolve(server: nil, token: nil, environment: [:], config: saved)
        #expect(fromConfig == ClientSettings(server: URL(string: "http://saved.example:9000")!, token: "saved-token"))
    }

    @Test func ignoresEmptyEnvironmentValues() throws {
        let s = try ClientSettings.resolve(server: nil, token: nil, environment: ["FERRY_SERVER": "", "FERRY_TOKEN": ""], config: saved)
        #expect(s.server.absoluteString == "http://saved.example:9000")
        #expect(s.token == "saved-token")
    }

    @Test func neverSendsASavedTokenToADifferentServer() throws {
        let s = try ClientSettings.resolve(server: "http://other.example:9000", token: nil, environment: [:], config: saved)
        #expect(s.token == nil)
        let sameWithSlash = try ClientSettings.resolve(server: "http://saved.example:9000/", token: nil, environment: [:], config: saved)
        #expect(sameWithSlash.token == "saved-token")
    }

    @Test func rejectsServerURLsWithoutHTTPSchemeAndHidesCredentialsInTheMessage() {
        #expect(throws: CLIError.self) { try ClientSettings.resolve(server: "ftp://x", token: nil, environment: [:], config: nil) }
        do {
            _ = try ClientSettings.parseServer("gopher://user:secret@host")
            Issue.record("expected an error")
        } catch let error as CLIError {
            #expect(!error.message.contains("secret"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func optionsReadTheConfigFileAtTheInjectedPath() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url.appendingPathComponent("ferry/config.json")
        try saved.save(to: path)
        let options = try #require(try FerryCommand.parseAsRoot(["app", "list"]) as? AppListCommand).client
        let s = try options.settings(environment: [:], configPath: path)
        #expect(s.token == "saved-token")
        #expect(s.server.absoluteString == "http://saved.example:9000")
    }
}

@Suite struct ClientConfigTests {
    @Test func respectsXDGConfigHomeThenHome() {
        #expect(ClientConfig.defaultPath(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"])?.path == "/x/ferry/config.json")
        #expect(ClientConfig.defaultPath(environment: ["HOME": "/h"])?.path == "/h/.config/ferry/config.json")
        #expect(ClientConfig.defaultPath(environment: [:]) == nil)
    }

    @Test func writesTheConfigFileWithMode0600AndReadsItBack() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url.appendingPathComponent("nested/ferry/config.json")
        let config = ClientConfig(server: "http://127.0.0.1:8080", token: "t0ken")
        try config.save(to: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try ClientConfig.load(from: path) == config)
    }

    @Test func tightensPermissionsWhenOverwritingAReadableFile() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url.appendingPathComponent("config.json")
        FileManager.default.createFile(atPath: path.path, contents: Data("{}".utf8), attributes: [.posixPermissions: 0o644])
        try ClientConfig(server: "http://a", token: "b").save(to: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func loadingAMissingFileGivesNilAndAMalformedOneAnError() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url.appendingPathComponent("config.json")
        #expect(try ClientConfig.load(from: path) == nil)
        try Data("not json".utf8).write(to: path)
        #expect(throws: CLIError.self) { try ClientConfig.load(from: path) }
    }

    @Test func loginTakesTheTokenFromTheEnvironmentAndRequiresOne() throws {
        let options = try #require(try FerryCommand.parseAsRoot(["login", "--server", "http://s:1"]) as? LoginCommand).client
        let login = try LoginCommand.login(options: options, environment: ["FERRY_TOKEN": "abc"], configPath: nil)
        #expect(login.config == ClientConfig(server: "http://s:1", token: "abc"))
        #expect(throws: CLIError.self) { try LoginCommand.login(options: options, environment: [:], configPath: nil) }
    }
}
