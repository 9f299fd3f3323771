import FerryCore

/// Ingress health: healthy once the controller has published a load-balancer address.
enum IngressHealth {
    static func assess(_ ingress: ObjectFields) -> Health {
        if ingress.array("status", "loadBalancer", "ingress").isEmpty {
            return Health(.progressing, "Waiting for the ingress to be assigned an address")
        }
        return Health(.healthy)
    }
}
