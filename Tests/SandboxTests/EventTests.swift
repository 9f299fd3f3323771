import FerryCore
import Foundation
import Testing
@testable import Sandbox

/// The simulated control plane records Events as the real controllers do, and Ingresses get an address;
/// checked with the real kubectl (`describe`, `get events`, `get ingress`).
@Suite struct EventTests {
    @Test func controllersRecordEventsThatKubectlDescribeShows() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let k = sandbox.kubectl
        try await k.succeed(["create", "deployment", "web", "--image=nginx", "--replicas=2"])
        #expect(try await poll {
            try await k.succeed(["describe", "deployment", "web"]).range(of: #"Normal +ScalingReplicaSet +\S+ +deployment-controller +Scaled up replica set web-[0-9a-f]+ from 0 to 2"#,
                                                                      options: .regularExpression) != nil
        })
        #expect(try await poll {
            try await k.succeed(["get", "pods", "-o", "jsonpath={.items[*].status.phase}"]) == "Running Running"
        })
        let pod = try await k.succeed(["get", "pods", "-o", "jsonpath={.items[0].metadata.name}"])
        let described = try await k.succeed(["describe", "pod", pod])
        for line in [#"Normal +Scheduled +\S+ +default-scheduler +Successfully assigned default/\#(pod) to sandbox-control-plane"#,
                     #"Normal +Pulled +\S+ +kubelet +Container image "nginx" already present on machine"#,
                     #"Normal +Created +\S+ +kubelet +Created container: nginx"#,
                     #"Normal +Started +\S+ +kubelet +Started container nginx"#] {
            #expect(described.range(of: line, options: .regularExpression) != nil, "\(line)\n\(described)")
        }
        // The ReplicaSet's own events, through a field selector, in the API server's event columns.
        let rsEvents = try await k.succeed(["get", "events", "--field-selector", "involvedObject.kind=ReplicaSet"])
        #expect(rsEvents.split(separator: "\n").first?.split(separator: " ", omittingEmptySubsequences: true)
                == ["LAST", "SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"])
        #expect(rsEvents.range(of: #"Normal +SuccessfulCreate +replicaset/web-[0-9a-f]+ +Created pod: web-"#,
                               options: .regularExpression) != nil, "\(rsEvents)")
        // Scaling down is recorded by both controllers.
        try await k.succeed(["scale", "deployment", "web", "--replicas=1"])
        #expect(try await poll {
            let all = try await k.succeed(["get", "events"])
            return all.contains("Scaled down replica set web-") && all.contains("from 2 to 1") && all.contains("Deleted pod: web-")
        })
    }

    @Test func ingressesGetAnAddress() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let k = sandbox.kubectl
        try await k.succeed(["apply", "-f", "-"], stdin: """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web}
            spec:
              rules:
                - host: a.example.com
                  http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
            """)
        #expect(try await poll {
            try await k.succeed(["get", "ingress", "web", "-o", "jsonpath={.status.loadBalancer.ingress[0].ip}"]) == "172.18.255.200"
        })
        let row = try await k.succeed(["get", "ingress", "web", "--no-headers"]).split(separator: " ", omittingEmptySubsequences: true)
        #expect(Array(row.prefix(5)) == ["web", "<none>", "a.example.com", "172.18.255.200", "80"])
        // kubectl's generator sends the Ingress in protobuf.
        try await k.succeed(["create", "ingress", "api", "--class=nginx", "--rule=b.example.com/v1*=api:8080,tls=api-tls"])
        #expect(try await k.succeed(["get", "ingress", "api", "-o", "jsonpath={.spec.ingressClassName} {.spec.rules[0].host} "
                                     + "{.spec.rules[0].http.paths[0].path} {.spec.rules[0].http.paths[0].pathType} "
                                     + "{.spec.rules[0].http.paths[0].backend.service.name}:{.spec.rules[0].http.paths[0].backend.service.port.number} "
                                     + "{.spec.tls[0].hosts[0]}/{.spec.tls[0].secretName}"])
                == "nginx b.example.com /v1 Prefix api:8080 b.example.com/api-tls")
    }
}
