import FerryCore
import Foundation
import Hummingbird
import NIOCore

extension Request {
    /// The whole body, or `ServerError.tooLarge` when it exceeds `limit` bytes.
    func bodyData(limit: Int) async throws -> Data {
        do {
            let buffer = try await body.collect(upTo: limit)
            return Data(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw ServerError.tooLarge(limit: limit)
        }
    }

    /// Decodes a JSON body with `APICoding`; an empty body decodes as `{}` when `emptyAsObject` is set.
    func decodeJSON<T: Decodable>(_ type: T.Type, limit: Int, emptyAsObject: Bool = false) async throws -> T {
        var data = try await bodyData(limit: limit)
        if data.isEmpty, emptyAsObject { data = Data("{}".utf8) }
        do {
            return try APICoding.decoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw ServerError.invalid(field: Self.field(of: error), Self.reason(of: error))
        } catch {
            throw ServerError(.badRequest, "invalid JSON body: \(error.localizedDescription)")
        }
    }

    private static func field(of error: DecodingError) -> String {
        let path: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        @unknown default: path = []
        }
        let name = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        return name.isEmpty ? "body" : name
    }

    private static func reason(of error: DecodingError) -> String {
        switch error {
        case .keyNotFound: return "required field is missing"
        case .typeMismatch(let type, _): return "expected \(type)"
        case .valueNotFound(let type, _): return "expected \(type), got null"
        case .dataCorrupted(let context): return context.debugDescription
        @unknown default: return "cannot decode"
        }
    }
}
