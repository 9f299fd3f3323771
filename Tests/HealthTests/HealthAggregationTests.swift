import FerryCore
import Health
import Testing

@Suite struct HealthAggregationTests {
    @Test func noResourcesIsHealthy() {
        #expect(HealthAssessor.aggregate([HealthStatus]()) == .healthy)
    }

    @Test func worstStatusWins() {
        #expect(HealthAssessor.aggregate([.healthy, .progressing, .healthy]) == .progressing)
        #expect(HealthAssessor.aggregate([.suspended, .healthy]) == .suspended)
        #expect(HealthAssessor.aggregate([.progressing, .missing]) == .missing)
        #expect(HealthAssessor.aggregate([.missing, .degraded, .progressing]) == .degraded)
        #expect(HealthAssessor.aggregate([.degraded, .unknown]) == .unknown)
    }

    @Test func resourcesWithoutHealthDoNotCount() {
        #expect(HealthAssessor.aggregate([Health(.healthy), nil, Health(.suspended)]) == .suspended)
        #expect(HealthAssessor.aggregate([Health?.none, nil]) == .healthy)
    }

    @Test func desiredResourceMissingFromClusterIsMissing() throws {
        let desired = try fixture("configmap-no-health.yaml")
        #expect(HealthAssessor.health(desired: desired, live: nil) == Health(.missing))
        #expect(HealthAssessor.health(desired: desired, live: desired) == nil)
        let deployment = try fixture("deployment-healthy.yaml")
        #expect(HealthAssessor.health(desired: deployment, live: deployment)?.status == .healthy)
    }

    @Test func appWithAMissingAndADegradedResourceIsDegraded() throws {
        let healths = [
            HealthAssessor.health(desired: try fixture("pvc-bound.yaml"), live: nil),
            HealthAssessor.health(of: try fixture("pod-crashloop.yaml")),
            HealthAssessor.health(of: try fixture("service-clusterip.yaml")),
        ]
        #expect(HealthAssessor.aggregate(healths) == .degraded)
    }

    @Test func kindsWithoutRulesAreReported() {
        #expect(HealthAssessor.hasHealthRule(GroupVersionKind(apiVersion: "apps/v1", kind: "Deployment")))
        #expect(!HealthAssessor.hasHealthRule(GroupVersionKind(apiVersion: "v1", kind: "Namespace")))
        #expect(!HealthAssessor.hasHealthRule(GroupVersionKind(apiVersion: "v1", kind: "Secret")))
    }
}
