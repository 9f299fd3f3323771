import Testing
@testable import FerryCLI

@Suite struct CommandParsingTests {
    private func parse<T>(_ args: [String], as type: T.Type) throws -> T {
        let command = try FerryCommand.parseAsRoot(args)
        return try #require(command as? T, "parsed \(Swift.type(of: command))")
    }

    @Test func parsesAppCreateWithEveryOption() throws {
        let c = try parse(["app", "create", "web", "--repo", "https://git/x.git", "--path", "apps/web", "--revision", "main",
                           "--dest-namespace", "demo", "--dest-server", "https://k8s:6443", "--auto-sync", "--prune",
                           "--self-heal", "--create-namespace", "--server", "http://s:1", "--token", "t", "-o", "json"],
                          as: AppCreateCommand.self)
        #expect(c.name == "web" && c.repo == "https://git/x.git" && c.path == "apps/web" && c.revision == "main")
        #expect(c.destNamespace == "demo" && c.destServer == "https://k8s:6443")
        #expect(c.autoSync && c.prune && c.selfHeal && c.createNamespace)
        #expect(c.client.server == "http://s:1" && c.client.token == "t")
        #expect(c.output.output == .json)
    }

    @Test func appCreateRequiresRepoAndPath() {
        #expect(throws: (any Error).self) { try FerryCommand.parseAsRoot(["app", "create", "web", "--path", "p"]) }
        #expect(throws: (any Error).self) { try FerryCommand.parseAsRoot(["app", "create", "web", "--repo", "r"]) }
    }

    @Test func parsesListGetAndOutputFormats() throws {
        #expect(try parse(["app", "list"], as: AppListCommand.self).output.output == .table)
        #expect(try parse(["app", "list", "-o", "wide"], as: AppListCommand.self).output.output == .wide)
        #expect(try parse(["app", "list", "--output", "yaml"], as: AppListCommand.self).output.output == .yaml)
        let get = try parse(["app", "get", "web", "--refresh", "-o", "json"], as: AppGetCommand.self)
        #expect(get.name == "web" && get.refresh && get.output.output == .json)
        #expect(throws: (any Error).self) { try FerryCommand.parseAsRoot(["app", "list", "-o", "xml"]) }
    }

    @Test func parsesDiffSyncHistoryRollbackAndDelete() throws {
        #expect(try parse(["app", "diff", "web"], as: AppDiffCommand.self).name == "web")
        let sync = try parse(["app", "sync", "web", "--prune", "--dry-run", "--revision", "v2"], as: AppSyncCommand.self)
        #expect(sync.name == "web" && sync.prune && sync.dryRun && sync.revision == "v2")
        let plain = try parse(["app", "sync", "web"], as: AppSyncCommand.self)
        #expect(!plain.prune && !plain.dryRun && plain.revision == nil)
        #expect(try parse(["app", "history", "web", "-o", "json"], as: AppHistoryCommand.self).output.output == .json)
        let rollback = try parse(["app", "rollback", "web", "3"], as: AppRollbackCommand.self)
        #expect(rollback.name == "web" && rollback.id == 3)
        #expect(throws: (any Error).self) { try FerryCommand.parseAsRoot(["app", "rollback", "web", "three"]) }
        #expect(try parse(["app", "delete", "web", "--cascade"], as: AppDeleteCommand.self).cascade)
        #expect(try !parse(["app", "delete", "web"], as: AppDeleteCommand.self).cascade)
    }

    @Test func parsesWaitFlagsAndTimeout() throws {
        let both = try parse(["app", "wait", "web"], as: AppWaitCommand.self)
        #expect(both.timeout == 300 && !both.sync && !both.health)
        let sync = try parse(["app", "wait", "web", "--sync", "--timeout", "20"], as: AppWaitCommand.self)
        #expect(sync.sync && !sync.health && sync.timeout == 20)
        #expect(throws: (any Error).self) { try FerryCommand.parseAsRoot(["app", "wait", "web", "--timeout", "0"]) }
    }

    @Test func parsesLoginAndVersion() throws {
        let login = try parse(["login", "--server", "http://s:1", "--token", "t"], as: LoginCommand.self)
        #expect(login.client.server == "http://s:1" && login.client.token == "t")
        let version = try parse(["version", "--client", "-o", "yaml"], as: VersionCommand.self)
        #expect(version.clientOnly && version.output.output == .yaml)
    }
}
