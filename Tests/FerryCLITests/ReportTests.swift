import FerryCore
import Foundation
import Testing
@testable import FerryCLI

@Suite struct ReportTests {
    @Test func appListShowsArgoLikeColumnsSortedByName() {
        let apps = [Fixtures.app("zeta", sync: .outOfSync, health: .progressing), Fixtures.app("alpha")]
        let text = ApplicationTable.list(apps, now: Fixtures.t0.addingTimeInterval(300)).render()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].split(separator: " ", omittingEmptySubsequences: true)
                == ["NAME", "REPO", "PATH", "REVISION", "SYNC", "HEALTH", "LAST", "SYNC"])
        #expect(lines[1].hasPrefix("alpha "))
        #expect(lines[2].hasPrefix("zeta "))
        #expect(lines[2].contains("OutOfSync") && lines[2].contains("Progressing") && lines[2].hasSuffix("5m ago"))
    }

    @Test func wideAppListAddsDestinationAndPolicy() {
        let text = ApplicationTable.list([Fixtures.app(automated: true)], wide: true).render()
        #expect(text.contains("SYNC POLICY") && text.contains("Auto-Prune") && text.contains("in-cluster"))
    }

    @Test func appGetSummaryNamesSyncStatusRevisionAndPolicy() {
        let text = ApplicationSummary.text(Fixtures.app(automated: true), now: Fixtures.t0)
        #expect(text.contains("Name:               guestbook\n"))
        #expect(text.contains("Sync Status:        Synced to main (abababa)\n"))
        #expect(text.contains("Sync Policy:        Automated (Prune)\n"))
        #expect(text.contains("Health Status:      Healthy\n"))
    }

    @Test func resourcesTableListsEachManagedObject() {
        let text = ApplicationTable.resources(Fixtures.app(sync: .outOfSync, health: .degraded)).render()
        #expect(text == """
        GROUP   KIND         NAMESPACE   NAME   STATUS      HEALTH     MESSAGE
                Service      demo        web    Synced      Healthy
        apps    Deployment   demo        web    OutOfSync   Degraded

        """)
    }

    @Test func syncReportPrintsOneKubectlLinePerResourceAndASummary() {
        let text = SyncRunReport.text(Fixtures.run())
        #expect(text == """
        Deployment/demo/web configured
        Namespace/demo created
        sync run 2 Succeeded at revision cdcdcdc

        """)
        #expect(SyncRunReport.text(Fixtures.run(), dryRun: true).hasPrefix("Deployment/demo/web configured (dry run)\n"))
    }

    @Test func historyTableHasTheContractColumns() {
        let text = SyncRunReport.history([Fixtures.run(id: 3, rollbackOf: 1), Fixtures.run(id: 1, phase: .failed)]).render()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "ID   REVISION                                   DEPLOYED AT            INITIATED BY   RESULT      ROLLBACK OF")
        #expect(lines[1].hasPrefix("3    cdcd") && lines[1].contains("2024-05-01T10:00:05Z") && lines[1].hasSuffix("Succeeded   1"))
        #expect(lines[2].hasSuffix("Failed      -"))
    }

    @Test func jsonOutputIsArgoShapedAndYamlMatchesIt() throws {
        let app = Fixtures.app()
        let json = try #require(try OutputFormat.json.encode(app))
        let parsed = try JSON.parse(json)
        #expect(parsed[path: ["spec", "source", "repoURL"]] == "https://git.example/apps.git")
        #expect(parsed[path: ["status", "sync", "status"]] == "Synced")
        let yaml = try #require(try OutputFormat.yaml.encode(app))
        #expect(try YAML.parse(yaml) == parsed)
        #expect(try OutputFormat.table.encode(app) == nil)
    }
}
