import ArgumentParser

/// The `ferry` command tree.
public struct FerryCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "ferry", abstract: "GitOps continuous delivery for Kubernetes.")
    public init() {}
}
