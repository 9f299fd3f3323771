import FerryCore
import OrderedCollections

/// Live state seen through the shape of desired state: the part of live that desired talks about.
///
/// Objects keep only the members desired has (in desired's order); lists are projected element by
/// element, and extra live elements are kept (a different length is a difference). A live leaf that
/// equals the desired leaf by value takes the desired spelling (`2` rather than `2.0`). A desired
/// "zero" (`""`, `0`, `false`, `{}`, `[]`) is taken as matching a member live omits, because the API
/// server drops such fields when it serialises an object. Live members that desired lacks but Ferry's
/// field manager owns (`owned`) are kept: the next apply removes them, so they are a difference.
enum Projection {
    /// `live` restricted to the shape of `desired`, plus owned members desired no longer has.
    static func project(_ live: Value, onto desired: Value, owned: OwnedFields? = nil) -> Value {
        switch (desired, live) {
        case (.object(let want), .object(let have)):
            var out = OrderedDictionary<String, Value>()
            for (key, wanted) in want {
                if let actual = have[key] {
                    out[key] = project(actual, onto: wanted, owned: owned?.member(key))
                } else if isZero(wanted) {
                    out[key] = wanted
                }
            }
            for (key, actual) in have where want[key] == nil && owned?.owns(key) == true {
                out[key] = actual
            }
            return .object(out)
        case (.array(let want), .array(let have)):
            return .array(have.enumerated().map { index, item in
                index < want.count ? project(item, onto: want[index], owned: owned?.item(item)) : item
            })
        default:
            return desired.semanticallyEquals(live) ? desired : live
        }
    }

    /// True when live, projected, equals desired: every desired field is present and equal in live.
    static func matches(desired: Value, live: Value, owned: OwnedFields? = nil) -> Bool {
        project(live, onto: desired, owned: owned).semanticallyEquals(desired)
    }

    /// Values the API server omits when serialising (Go's `omitempty` zero values).
    static func isZero(_ value: Value) -> Bool {
        switch value {
        case .null: true
        case .bool(let b): !b
        case .int(let i): i == 0
        case .double(let d): d == 0
        case .string(let s): s.isEmpty
        case .array(let a): a.isEmpty
        case .object(let o): o.isEmpty
        }
    }
}
