import Testing
@testable import FerryCLI

/// Ferry's own command-line parser: the spellings users type, and what they see when they get it wrong.
@Suite struct ArgumentParsingTests {
    private func render(_ args: [String]) throws -> RenderCommand {
        try #require(try FerryCommand.parseAsRoot(["render"] + args) as? RenderCommand)
    }

    /// The error a bad command line gives, as `ferry` prints it (stderr) and its exit status.
    private func failure(_ args: [String]) -> (message: String, status: Int32)? {
        do {
            _ = try CommandLineParser.parse(args, root: FerryCommand.self)
            return nil
        } catch let failure as CommandLineParser.Failure {
            let text: String
            switch failure.error {
            case let error as CommandLineError: text = CommandLineParser.usageError(error.message, failure.path)
            case let error as ValidationError: text = CommandLineParser.usageError(error.message, failure.path)
            default: text = "\(failure.error)"
            }
            return (text, CommandLineParser.status(of: failure.error))
        } catch {
            return ("\(error)", -1)
        }
    }

    @Test func optionsTakeTheirValueAttachedOrAsTheNextWord() throws {
        let c = try render(["dir", "--release-name=web", "-ojson", "--namespace", "prod", "-f", "a.yaml", "--values=b.yaml"])
        #expect(c.directory == "dir" && c.releaseName == "web" && c.output == .json && c.namespace == "prod")
        #expect(c.valueFiles == ["a.yaml", "b.yaml"])
        let defaults = try render(["dir"])
        #expect(defaults.releaseName == "release-name" && defaults.namespace == "default" && defaults.valueFiles.isEmpty)
        #expect(defaults.kubeVersion == nil && !defaults.includeCRDs && defaults.output == .yaml)
    }

    @Test func repeatedOptionsKeepEveryValueAndPlainOnesTheLast() throws {
        let c = try render(["dir", "--set", "a=1", "--set", "b=2", "-a", "x/v1", "-a", "y/v1", "-n", "one", "-n", "two"])
        #expect(c.set == ["a=1", "b=2"] && c.apiVersions == ["x/v1", "y/v1"] && c.namespace == "two")
    }

    @Test func doubleDashEndsOptions() throws {
        #expect(try render(["--", "-odd-directory"]).directory == "-odd-directory")
        // A value that looks like an option is still the option's value.
        #expect(try render(["dir", "--set", "--weird=1"]).set == ["--weird=1"])
    }

    @Test func aliasesNameTheSameCommand() throws {
        #expect(try FerryCommand.parseAsRoot(["app", "ls", "-o", "wide"]) is AppListCommand)
    }

    @Test func mistakesNameTheArgumentAndShowTheUsage() throws {
        let missing = try #require(failure(["app", "sync"]))
        #expect(missing.status == 64)
        #expect(missing.message.hasPrefix("Error: Missing expected argument '<name>'\nUsage: ferry app sync <name> "))
        #expect(missing.message.hasSuffix("\n  See 'ferry app sync --help' for more information.\n"))
        #expect(failure(["render", "dir", "--relase-name", "x"])?.message.hasPrefix("Error: Unknown option '--relase-name'\n") == true)
        #expect(failure(["render", "dir", "-z"])?.message.hasPrefix("Error: Unknown option '-z'\n") == true)
        #expect(failure(["render", "dir", "--namespace"])?.message
                    .hasPrefix("Error: Missing value for '--namespace <namespace>'\n") == true)
        #expect(failure(["render", "dir", "-o", "xml"])?.message
                    .hasPrefix("Error: The value 'xml' is invalid for '-o <output>' (one of: yaml, json)\n") == true)
        #expect(failure(["render", "dir", "--include-crds=yes"])?.message
                    .hasPrefix("Error: The flag '--include-crds' does not take a value\n") == true)
        #expect(failure(["render", "a", "b"])?.message.hasPrefix("Error: Unexpected argument 'b'\n") == true)
        #expect(failure(["app", "rollback", "web", "three"])?.message
                    .hasPrefix("Error: The value 'three' is invalid for '<id>'\n") == true)
        // A command's own validation reads the same way.
        let timeout = try #require(failure(["app", "wait", "web", "--timeout", "0"]))
        #expect(timeout.status == 64 && timeout.message.hasPrefix("Error: --timeout must be a positive number of seconds\n"))
    }

    @Test func helpAndVersionAreRequestsNotErrors() async throws {
        for args in [["render", "--help"], ["render", "dir", "-h"], ["help", "render"], ["help", "app", "sync"]] {
            #expect(failure(args)?.status == 0, "\(args)")
        }
        // A command group without its subcommand runs as a request for its help.
        for args in [["app"], []] {
            await #expect(throws: CommandLineRequest.help) { try await FerryCommand.parseAsRoot(args).run() }
        }
        let help = CommandLineParser.help([FerryCommand.self, RenderCommand.self])
        #expect(help.hasPrefix("OVERVIEW: Render a local directory"))
        #expect(help.contains("USAGE: ferry render <directory> [--recurse] [--output <output>] [--values <values> ...]"))
        #expect(help.contains("\nARGUMENTS:\n  <directory>                 Directory to render.\n"))
        #expect(help.contains("\n  -o, --output <output>       Output format: yaml (default) or json. (default: yaml)\n"))
        #expect(help.contains("\n  --release-name <release-name>\n                              Helm: the release name. (default: release-name)\n"))
        let group = CommandLineParser.help([FerryCommand.self, AppCommand.self])
        #expect(group.contains("USAGE: ferry app <subcommand>\n") && group.contains("\n  sync                        Sync an application.\n"))
        #expect(group.contains("See 'ferry help app <subcommand>' for detailed help."))
        #expect(failure(["--version"])?.status == 0)
        #expect(CommandLineParser.help([FerryCommand.self]).contains("\n  --version                   Show the version.\n"))
    }

    @Test func parsesOnManyThreadsAtOnce() async throws {
        // Each parse collects its command's arguments on its own; concurrent parses never see each other's.
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 0..<64 {
                group.addTask {
                    let c = try FerryCommand.parseAsRoot(["render", "d\(i)", "--set", "k=\(i)"]) as? RenderCommand
                    return c?.directory == "d\(i)" && c?.set == ["k=\(i)"]
                }
            }
            for try await ok in group { #expect(ok) }
        }
    }
}
