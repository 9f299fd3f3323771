import FerryCore
import Foundation

/// How the store turns values into column values and back. Both stores use it, so they agree on precision:
/// dates are whole milliseconds since 1970, objects are JSON in Ferry's API coding.
enum StoreCoding {
    /// Milliseconds since 1970, rounded; `StoreError.invalid` for dates no clock can show.
    static func milliseconds(_ date: Date) throws -> Int64 {
        let ms = (date.timeIntervalSince1970 * 1000).rounded()
        guard ms.isFinite, abs(ms) < 1e17 else {
            throw StoreError.invalid("date \(date.timeIntervalSince1970) is out of range")
        }
        return Int64(ms)
    }

    /// The date `ms` milliseconds after 1970.
    static func date(milliseconds ms: Int64) -> Date {
        Date(timeIntervalSince1970: Double(ms) / 1000)
    }

    /// `date` with the precision the store keeps.
    static func normalized(_ date: Date) throws -> Date {
        self.date(milliseconds: try milliseconds(date))
    }

    /// JSON text of a value in the API coding.
    static func encode<T: Encodable>(_ value: T, what: @autoclosure () -> String) throws -> String {
        do {
            return String(decoding: try APICoding.encoder().encode(value), as: UTF8.self)
        } catch {
            throw StoreError.invalid("cannot encode \(what()): \(error)")
        }
    }

    /// A value decoded from JSON text in the API coding.
    static func decode<T: Decodable>(_ type: T.Type, from text: String, what: @autoclosure () -> String) throws -> T {
        do {
            return try APICoding.decoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError(.database, "stored \(what()) is unreadable: \(error)")
        }
    }

    /// The application as the store would give it back (a JSON round trip).
    static func normalized(_ app: Application) throws -> Application {
        let text = try encode(app, what: "application \"\(app.name)\"")
        return try decode(Application.self, from: text, what: "application \"\(app.name)\"")
    }
}
