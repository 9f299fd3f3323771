import FerryCore
import Foundation
import Testing
@testable import Rendering

/// Focused checks of Helm semantics the parity cases cannot pin down (the Python SDK passes values as JSON).
@Suite struct HelmUnitTests {
    static func tree(_ files: [String: String]) throws -> FileTree {
        var tree = FileTree()
        for (path, text) in files { try tree.add(path, Data(text.utf8)) }
        return tree
    }

    static let numberChart: [String: String] = [
        "Chart.yaml": "apiVersion: v2\nname: n\nversion: 0.1.0\n",
        "values.yaml": "fromFile: 1000000\n",
        "templates/cm.yaml": "v: \"{{ .Values.fromFile }} {{ .Values.fromSet }} {{ .Values.str }}\"\n",
    ]

    @Test func setIntegersAreInt64WhileValuesFileNumbersAreFloat64() throws {
        var options = HelmOptions()
        options.set = ["fromSet=1000000,str=007"]
        let text = try HelmRenderer.renderText(tree: Self.tree(Self.numberChart), directory: "", options: options, displayPath: "")
        #expect(text.contains("v: \"1e+06 1000000 007\""))
    }

    @Test func leavingParsedTemplatesToExitRendersTheSame() throws {
        var options = HelmOptions()
        options.set = ["fromSet=2"]
        let freed = try HelmRenderer.renderText(tree: Self.tree(Self.numberChart), directory: "", options: options, displayPath: "")
        options.leavesParsedTemplatesToExit = true
        let kept = try HelmRenderer.renderText(tree: Self.tree(Self.numberChart), directory: "", options: options, displayPath: "")
        #expect(kept == freed && kept.contains("v: \"1e+06 2 \""))
    }

    @Test func strvalsParsesListsEscapesAndTypes() throws {
        let value = try StrVals.parse(#"a.b=1,list[1]=x,esc=a\,b,dotted\.key=v,t=true,n=null,f=1.5,arr={p,q}"#, mode: .typed)
        #expect(value["a"]?["b"] == .int(1))
        #expect(value["list"] == .array([.null, "x"]))
        #expect(value["esc"] == "a,b")
        #expect(value["dotted.key"] == "v")
        #expect(value["t"] == .bool(true))
        #expect(value["n"] == .null)
        #expect(value["f"] == "1.5")
        #expect(value["arr"] == ["p", "q"])
        let strings = try StrVals.parse("a=1,b=true", mode: .string)
        #expect(strings["a"] == "1" && strings["b"] == "true")
        let json = try StrVals.parse(#"obj={"k":[1,2]},n=3"#, mode: .json)
        #expect(json["obj"]?["k"] == .array([.double(1), .double(2)]) || json["obj"]?["k"] == .array([1, 2]))
        #expect(throws: StrValsError.self) { try StrVals.parse("novalue", mode: .typed) }
    }

    @Test func userNullDeletesAChartDefault() throws {
        let chart = try ChartLoader.load(tree: Self.tree([
            "Chart.yaml": "apiVersion: v2\nname: c\nversion: 1.0.0\n",
            "values.yaml": "a:\n  keep: 1\n  drop: 2\nb: 3\n",
        ]), displayPath: "")
        let values = HelmValues.coalesce(chart: chart, user: ["a": ["drop": .null], "b": .null])
        #expect(values["a"] == ["keep": .double(1)])
        #expect(values["b"] == nil)
    }

    @Test func semverConstraintsFollowMasterminds() throws {
        let v = try #require(SemVer("v1.36.0"))
        #expect(SemVer.satisfies(v, ">=1.22.0-0") == true)
        #expect(SemVer.satisfies(v, ">=1.19.0 <1.25.0") == false)
        #expect(SemVer.satisfies(v, "^1.20") == true)
        #expect(SemVer.satisfies(v, "~1.35.0 || 1.36.x") == true)
        #expect(SemVer.satisfies(v, "1.20 - 1.30") == false)
    }

    @Test func helmignoreAndGlobs() {
        let ignore = HelmIgnore(text: "# comment\n*.bak\ndocs/\n!keep.bak\n")
        #expect(ignore.isIgnored("a/b.bak"))
        #expect(!ignore.isIgnored("keep.bak"))
        #expect(ignore.isIgnored("docs/readme.md"))
        #expect(!ignore.isIgnored("templates/docs.yaml"))
        #expect(Glob.matches("config/*", "config/a.txt"))
        #expect(!Glob.matches("config/*", "config/sub/a.txt"))
        #expect(Glob.matches("config/**", "config/sub/a.txt"))
        #expect(Glob.matches("*.{yaml,yml}", "x.yml"))
    }

    @Test func methodCallsBecomeFunctionCalls() {
        let text = #"{{ .Files.Get "a.txt" }} {{ (.Files.Glob "c/*").AsConfig }} {{ $.Capabilities.APIVersions.Has "v1" }} {{ "x.Files.Get" }}"#
        let out = HelmMethodRewriter.rewrite(text)
        #expect(out.contains(#"helmFiles "Get" .Files "a.txt""#))
        #expect(out.contains(#"(helmFilesAs "AsConfig" (helmFiles "Glob" .Files "c/*"))"#))
        #expect(out.contains(#"helmAPIVersionsHas $.Capabilities.APIVersions "v1""#))
        #expect(out.contains(#"{{ "x.Files.Get" }}"#))
        #expect(HelmMethodRewriter.rewrite(#"{{- $_ := set $d "k" 1 }}"#) == #"{{- $d = set $d "k" 1 }}"#)
        // String literals come back exactly, however many (two-digit masks) and whatever they hold, even text
        // that looks like the rewriter's own masks.
        let literals = (0..<12).map { "\"s\($0)\"" }.joined(separator: " ") + " `\u{E000}0\u{E001}` 'x'"
        #expect(HelmMethodRewriter.rewrite("{{ .Files.Get \(literals) }}") == "{{ helmFiles \"Get\" .Files \(literals) }}")
    }

    /// The `$_ := set $d …` idiom: every spelling Go accepts is rewritten, and nothing else.
    @Test func mutationIdiomsAreRewrittenExactly() {
        let cases: [(String, String)] = [
            (#"{{ $_ = unset $m "a" }}"#, #"{{ $m = unset $m "a" }}"#),
            (#"{{$_:=mergeOverwrite  $base $extra}}"#, #"{{$base = mergeOverwrite $base $extra}}"#),
            ("{{ $_ :=\tmerge\n$d1 $d2 }}{{ $_ := set $x_2 \"k\" 1 }}", #"{{ $d1 = merge $d1 $d2 }}{{ $x_2 = set $x_2 "k" 1 }}"#),
            (#"{{ $_ := set .Values "k" 1 }}"#, #"{{ $_ := set .Values "k" 1 }}"#),    // a field: not a variable
            (#"{{ $_ := set $d.sub "k" 1 }}"#, #"{{ $_ := set $d.sub "k" 1 }}"#),      // a field of a variable
            (#"{{ $_ := settle $d }}{{ $_x := set $d "k" 1 }}"#, #"{{ $_ := settle $d }}{{ $_x := set $d "k" 1 }}"#),
            (#"{{ $_ := set $d "$_ := set $e" 1 }}"#, #"{{ $d = set $d "$_ := set $e" 1 }}"#),  // not inside strings
        ]
        for (text, expected) in cases { #expect(HelmMethodRewriter.rewrite(text) == expected, "\(text)") }
    }

    @Test func hooksBecomeFerrySyncPhasesAndTestHooksAreLeftOut() throws {
        let tree = try Self.tree([
            "app/Chart.yaml": "apiVersion: v2\nname: h\nversion: 0.1.0\n",
            "app/templates/job.yaml": """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: migrate
              annotations:
                helm.sh/hook: pre-install,pre-upgrade
                helm.sh/hook-weight: "-5"
                helm.sh/hook-delete-policy: before-hook-creation
            """,
            "app/templates/test.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: t\n  annotations:\n    helm.sh/hook: test\n",
            "app/templates/svc.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n",
        ])
        let result = try Renderer.render(tree: tree, options: RenderOptions(displayPath: "app", directory: "app"))
        #expect(result.sourceType == .helm)
        #expect(result.objects.map(\.name) == ["s", "migrate"])
        let job = try #require(result.objects.last)
        #expect(job.annotations[WellKnown.hook] == "PreSync")
        #expect(job.annotations[WellKnown.syncWave] == "-5")
        #expect(job.annotations[HelmHook.argoDeletePolicy] == "BeforeHookCreation")
        #expect(result.diagnostics.contains { $0.message.contains("Pod/t") })
    }

    @Test func renderErrorsNameTheChartFile() throws {
        let tree = try Self.tree(["Chart.yaml": "apiVersion: v2\nversion: 1.0.0\n"])
        #expect(throws: RenderError.self) { try HelmRenderer.renderText(tree: tree, directory: "", options: HelmOptions(), displayPath: "apps/x") }
        do { _ = try HelmRenderer.renderText(tree: tree, directory: "", options: HelmOptions(), displayPath: "apps/x") } catch {
            #expect("\(error)".contains("apps/x/Chart.yaml"))
        }
    }

    @Test func corruptArchivesAreErrorsNotCrashes() throws {
        let tree = try Self.tree([
            "Chart.yaml": "apiVersion: v2\nname: p\nversion: 0.1.0\n",
            "charts/broken-1.0.0.tgz": "not gzip at all",
        ])
        #expect(throws: RenderError.self) { try HelmRenderer.renderText(tree: tree, directory: "", options: HelmOptions(), displayPath: "") }
    }

    @Test func kubeVersionAndAPIVersionsShapeCapabilities() throws {
        let tree = try Self.tree([
            "Chart.yaml": "apiVersion: v2\nname: caps\nversion: 0.1.0\nkubeVersion: \">=1.20.0-0\"\n",
            "templates/cm.yaml": """
            v: {{ .Capabilities.KubeVersion.Version }}/{{ .Capabilities.KubeVersion.Minor }}
            old: {{ semverCompare "<1.25-0" .Capabilities.KubeVersion.GitVersion }}
            crd: {{ .Capabilities.APIVersions.Has "monitoring.coreos.com/v1" }}
            upgrade: {{ .Release.IsUpgrade }}/{{ .Release.IsInstall }}/{{ .Release.Revision }}
            """,
        ])
        var options = HelmOptions(kubeVersion: "1.24", apiVersions: ["monitoring.coreos.com/v1"])
        options.isUpgrade = true
        let text = try HelmRenderer.renderText(tree: tree, directory: "", options: options, displayPath: "")
        #expect(text.contains("v: v1.24.0/24\nold: true\ncrd: true\nupgrade: true/false/1"))
        options.kubeVersion = "1.19.3"
        #expect(throws: RenderError.self) { try HelmRenderer.renderText(tree: tree, directory: "", options: options, displayPath: "") }
        options.kubeVersion = "not-a-version"
        #expect(throws: RenderError.self) { try HelmRenderer.renderText(tree: tree, directory: "", options: options, displayPath: "") }
    }

    @Test func applicationHelmSettingsBecomeOptions() throws {
        let source = HelmSource(valueFiles: ["values-prod.yaml"], values: "a: 1\n",
                                parameters: [.init(name: "image.tag", value: "v1,2"), .init(name: "port", value: "80", forceString: true)],
                                releaseName: nil, skipCrds: true)
        let options = HelmOptions(source: source, appName: "shop", namespace: "")
        #expect(options.releaseName == "shop")
        #expect(options.namespace == "default")
        #expect(options.includeCRDs == false)
        #expect(options.valueFiles == ["values-prod.yaml"])
        #expect(options.valuesYAML == ["a: 1\n"])
        #expect(options.set == ["image.tag=v1\\,2"])
        #expect(options.setString == ["port=80"])
        let value = try StrVals.parse(options.set[0], mode: .typed)
        #expect(value["image"]?["tag"] == "v1,2")
    }

    @Test func valuesFilesResolveRelativeToTheChartAndStayInTheTree() throws {
        let tree = try Self.tree([
            "apps/web/Chart.yaml": "apiVersion: v2\nname: web\nversion: 0.1.0\n",
            "apps/web/templates/cm.yaml": "v: {{ .Values.env }}\n",
            "envs/prod.yaml": "env: prod\n",
        ])
        let text = try HelmRenderer.renderText(tree: tree, directory: "apps/web", options: HelmOptions(valueFiles: ["../../envs/prod.yaml"]),
                                               displayPath: "apps/web")
        #expect(text.contains("v: prod"))
        #expect(throws: RenderError.self) {
            try HelmRenderer.renderText(tree: tree, directory: "apps/web", options: HelmOptions(valueFiles: ["../../../etc/passwd"]),
                                        displayPath: "apps/web")
        }
        var missing = HelmOptions(valueFiles: ["nope.yaml"])
        missing.ignoreMissingValueFiles = true
        #expect(try HelmRenderer.renderText(tree: tree, directory: "apps/web", options: missing, displayPath: "").hasSuffix("v:\n"))
    }

    @Test func damagedArchivesThrowInsteadOfCrashing() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("charts/tgz-subchart/chart/charts/cache-0.3.0.tgz")
        let good = try [UInt8](Data(contentsOf: url))
        let unpacked = try ChartArchive.unpack(Data(good), file: "cache.tgz")
        #expect(unpacked.root == "cache")
        #expect(unpacked.files["templates/cm.yaml"] != nil)
        var generator = SystemRandomNumberGenerator()
        for cut in stride(from: 0, to: good.count, by: max(1, good.count / 40)) {
            _ = try? ChartArchive.unpack(Data(good.prefix(cut)), file: "cut.tgz")
            var flipped = good
            flipped[cut] ^= UInt8.random(in: 1...255, using: &generator)
            _ = try? ChartArchive.unpack(Data(flipped), file: "flipped.tgz")
        }
    }

    /// The hand-written splitter must agree with Helm's separator regex on arbitrary text.
    @Test func documentSplittingMatchesHelmsRegex() throws {
        let regex = try NSRegularExpression(pattern: "(?:^|[\\t\\n\\f\\r ]*\\n)---[\\t\\n\\f\\r ]*")
        func viaRegex(_ text: String) -> [String] {
            let ns = text as NSString
            var pieces: [String] = [], start = 0
            for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                pieces.append(ns.substring(with: NSRange(location: start, length: match.range.location - start)))
                start = match.range.location + match.range.length
            }
            return pieces + [ns.substring(from: start)]
        }
        let alphabet: [String] = ["-", "-", "-", "\n", " ", "a", "\t", "---", "\n---\n"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...14, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "" }.joined()
            #expect(TextScan.splitDocuments(text) == viaRegex(text), "\(text.debugDescription)")
        }
        #expect(TextScan.removingNoValue("a: <no value>\nb: <no value><no value>x") == "a: \nb: x")
        #expect(TextScan.trimmed("  \n a b \t\n") == "a b")
    }

    /// `trimmed` skips ASCII whitespace byte by byte and leaves the edges with other bytes to Character rules:
    /// the same result as trimming by Characters, for Unicode spaces and marks joined to a space alike.
    @Test func trimmingMatchesCharacterRules() {
        let samples = ["", " ", "\r\n", "\u{A0}a\u{A0}", " \u{301}x \u{301}", "x\u{301} ", "\u{2003} b\u{3000}", "\u{85}c\n",
                       "é \t", "\t\u{FEFF}d", "a\u{A0}b"]
        for text in samples {
            #expect(TextScan.trimmed(text) == TextScan.trimmedByCharacters(text), "\(text.debugDescription)")
            #expect(TextScan.trimmedLeading(text) == text.drop { $0.isWhitespace }, "\(text.debugDescription)")
        }
    }
}
