import FerryCore
import Health
import Testing

@Suite struct HealthFixtureTests {
    static let cases: [(String, HealthStatus?)] = [
        ("deployment-healthy.yaml", .healthy),
        ("deployment-progressing.yaml", .progressing),
        ("deployment-progressing-generation.yaml", .progressing),
        ("deployment-terminating-old-replicas.yaml", .progressing),
        ("deployment-unavailable.yaml", .progressing),
        ("deployment-degraded.yaml", .degraded),
        ("deployment-suspended.yaml", .suspended),
        ("statefulset-healthy.yaml", .healthy),
        ("statefulset-progressing.yaml", .progressing),
        ("statefulset-ondelete.yaml", .healthy),
        ("daemonset-healthy.yaml", .healthy),
        ("daemonset-progressing.yaml", .progressing),
        ("replicaset-healthy.yaml", .healthy),
        ("replicaset-degraded.yaml", .degraded),
        ("pod-running-ready.yaml", .healthy),
        ("pod-running-not-ready.yaml", .progressing),
        ("pod-running-restarted.yaml", .degraded),
        ("pod-running-restart-never.yaml", .progressing),
        ("pod-crashloop.yaml", .degraded),
        ("pod-imagepullbackoff.yaml", .degraded),
        ("pod-hook-imagepullbackoff.yaml", .progressing),
        ("pod-pending.yaml", .progressing),
        ("pod-failed.yaml", .degraded),
        ("pod-oomkilled.yaml", .degraded),
        ("pod-succeeded.yaml", .healthy),
        ("pod-deleting.yaml", .progressing),
        ("job-running.yaml", .progressing),
        ("job-succeeded.yaml", .healthy),
        ("job-failed.yaml", .degraded),
        ("job-suspended.yaml", .suspended),
        ("service-clusterip.yaml", .healthy),
        ("service-lb-pending.yaml", .progressing),
        ("service-lb-assigned.yaml", .healthy),
        ("pvc-bound.yaml", .healthy),
        ("pvc-pending.yaml", .progressing),
        ("pvc-lost.yaml", .degraded),
        ("ingress-pending.yaml", .progressing),
        ("ingress-assigned.yaml", .healthy),
        ("hpa-healthy.yaml", .healthy),
        ("hpa-degraded.yaml", .degraded),
        ("configmap-no-health.yaml", nil),
        ("customresource-no-health.yaml", nil),
    ]

    @Test(arguments: cases)
    func fixtureHasExpectedHealth(_ name: String, _ status: HealthStatus?) throws {
        try expectHealth(name, status)
    }

    @Test func deploymentMessagesReadLikeKubectlRolloutStatus() throws {
        try expectHealth("deployment-progressing.yaml", .progressing,
                         message: "Waiting for rollout to finish: 1 out of 3 new replicas have been updated...")
        try expectHealth("deployment-progressing-generation.yaml", .progressing,
                         message: "Waiting for rollout to finish: observed deployment generation less than desired generation")
        try expectHealth("deployment-terminating-old-replicas.yaml", .progressing,
                         message: "Waiting for rollout to finish: 1 old replicas are pending termination...")
        try expectHealth("deployment-unavailable.yaml", .progressing,
                         message: "Waiting for rollout to finish: 1 of 3 updated replicas are available...")
        try expectHealth("deployment-degraded.yaml", .degraded, message: "Deployment \"web\" exceeded its progress deadline")
        try expectHealth("deployment-suspended.yaml", .suspended, message: "Deployment is paused")
    }

    @Test func podAndJobMessagesExplainTheFailure() throws {
        try expectHealth("pod-crashloop.yaml", .degraded,
                         message: "back-off 2m40s restarting failed container=web pod=web-6d4cf56db6-x7k2p_prod")
        try expectHealth("pod-failed.yaml", .degraded, message: "container \"web\" failed with exit code 3")
        try expectHealth("pod-oomkilled.yaml", .degraded, message: "OOMKilled")
        try expectHealth("pod-deleting.yaml", .progressing, message: "Pending deletion")
        try expectHealth("job-failed.yaml", .degraded, message: "Job has reached the specified backoff limit")
        try expectHealth("replicaset-degraded.yaml", .degraded,
                         message: "pods \"web-6d4cf56db6-\" is forbidden: exceeded quota: compute-resources")
    }

    @Test func statefulSetMessagesNameRevisions() throws {
        try expectHealth("statefulset-progressing.yaml", .progressing, message: "Waiting for 2 pods to be ready...")
        try expectHealth("statefulset-healthy.yaml", .healthy,
                         message: "statefulset rolling update complete 2 pods at revision db-7b9f5c...")
        try expectHealth("daemonset-progressing.yaml", .progressing,
                         message: "Waiting for daemon set \"agent\" rollout to finish: 2 out of 4 new pods have been updated...")
    }
}
