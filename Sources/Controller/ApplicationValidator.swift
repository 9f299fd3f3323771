import FerryCore
import Foundation
import GitSource
import Rendering

/// Checks an application spec before it is stored; errors name the field.
enum ApplicationValidator {
    static func validate(_ app: Application) throws {
        try dnsLabel(app.name, field: "metadata.name")
        let source = app.spec.source
        if source.repoURL.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ServiceError(.invalid, "spec.source.repoURL: required")
        }
        if RepositoryCredentials.hasEmbeddedSecret(source.repoURL) {
            throw ServiceError(.invalid, "spec.source.repoURL: must not contain a password or token; give credentials to 'ferry serve --repo-credentials FILE' instead")
        }
        if source.targetRevision.isEmpty { throw ServiceError(.invalid, "spec.source.targetRevision: required") }
        if source.path != "." && !source.path.isEmpty {
            do { _ = try FileTree.validate(source.path) } catch let error as FileTreeError {
                throw ServiceError(.invalid, "spec.source.path: \(error.message)")
            }
        }
        try dnsLabel(app.spec.destination.namespace, field: "spec.destination.namespace")
        if let namespace = source.kustomize?.namespace, !namespace.isEmpty {
            try dnsLabel(namespace, field: "spec.source.kustomize.namespace")
        }
        do { try source.kustomize?.validate() } catch let error as RenderError {
            throw ServiceError(.invalid, error.message)
        }
    }

    static func dnsLabel(_ value: String, field: String) throws {
        let ok = !value.isEmpty && value.count <= 63
            && value.range(of: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", options: .regularExpression) != nil
        if !ok {
            throw ServiceError(.invalid, "\(field): '\(value)' must be a DNS-1123 label (lower-case letters, digits and '-', at most 63 characters)")
        }
    }
}
