import FerryCore

/// The value of Ferry's tracking annotation: `<app>:<group>/<kind>:<namespace>/<name>` (Argo CD's format;
/// the core group and cluster scope are empty strings, e.g. `demo:/Namespace:/demo`).
public struct TrackingID: Sendable, Hashable, CustomStringConvertible {
    /// The application that manages the object.
    public var app: String
    /// The object the annotation was written for.
    public var key: ResourceKey

    /// The id for an object managed by `app`.
    public init(app: String, key: ResourceKey) { self.app = app; self.key = key }

    /// Parses an annotation value; nil when it is not in the tracking format.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty,
              let groupKind = Self.splitPair(parts[1]), let namespacedName = Self.splitPair(parts[2]),
              !groupKind.1.isEmpty, !namespacedName.1.isEmpty else { return nil }
        self.init(app: String(parts[0]), key: ResourceKey(group: groupKind.0, kind: groupKind.1,
                                                          namespace: namespacedName.0, name: namespacedName.1))
    }

    /// The annotation value.
    public var description: String { "\(app):\(key.group)/\(key.kind):\(key.namespace)/\(key.name)" }

    /// The tracking id an object carries, if any and if well-formed.
    public static func of(_ object: KubeObject) -> TrackingID? {
        object.annotations[WellKnown.trackingAnnotation].flatMap(TrackingID.init(parsing:))
    }

    /// True when `object` carries a tracking id naming `app` *and* the object itself (a copied annotation
    /// on another object does not count).
    public static func isManaged(_ object: KubeObject, by app: String) -> Bool {
        guard let id = of(object) else { return false }
        return id.app == app && id.key == object.key
    }

    private static func splitPair(_ text: Substring) -> (String, String)? {
        guard let slash = text.firstIndex(of: "/") else { return nil }
        return (String(text[..<slash]), String(text[text.index(after: slash)...]))
    }
}
