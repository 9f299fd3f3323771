import Foundation
import Mustache

/// The dashboard's Mustache templates, loaded once from `<web>/templates/*.mustache`.
struct DashboardTemplates: Sendable {
    /// The pages every web directory must provide.
    static let requiredPages = ["login", "list", "detail", "error"]

    private let library: MustacheLibrary

    /// Loads and parses every template; throws `ServerError.webAssets` naming the directory on failure.
    static func load(from webDirectory: URL) async throws -> DashboardTemplates {
        let directory = webDirectory.appendingPathComponent("templates", isDirectory: true).path
        let library: MustacheLibrary
        do {
            library = try await MustacheLibrary(directory: directory)
        } catch {
            throw ServerError.webAssets(directory, "\(error)")
        }
        for page in requiredPages where library.getTemplate(named: page) == nil {
            throw ServerError.webAssets(directory, "template '\(page).mustache' is missing")
        }
        return DashboardTemplates(library: library)
    }

    /// Renders page `name` with `view`; an empty string when the template is missing.
    func render(_ name: String, _ view: Any) -> String {
        library.render(view, withTemplate: name) ?? ""
    }
}
