import Hummingbird

/// The per-request context: Hummingbird's core storage plus who the caller is.
public struct FerryRequestContext: RequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The authenticated identity (`admin`), set by `AuthMiddleware`; nil on public routes.
    public var identity: String?

    /// Creates an unauthenticated context for a new request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.identity = nil
    }
}
