import FerryCore

/// APIService health: its `Available` condition.
enum APIServiceHealth {
    static func assess(_ service: ObjectFields) -> Health {
        guard let available = service.condition("Available") else {
            return Health(.progressing, "Waiting to be processed")
        }
        let message = "\(available.string("reason")): \(available.string("message"))"
        return Health(available.string("status") == "True" ? .healthy : .progressing, message)
    }
}
