import FerryCore

/// Service health: a LoadBalancer Service waits for its load-balancer address; other types are healthy.
enum ServiceHealth {
    static func assess(_ service: ObjectFields) -> Health {
        guard service.string("spec", "type") == "LoadBalancer" else { return Health(.healthy) }
        if service.array("status", "loadBalancer", "ingress").isEmpty {
            return Health(.progressing, "Waiting for the load balancer to be assigned an address")
        }
        return Health(.healthy)
    }
}
