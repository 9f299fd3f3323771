import FerryCore
import Foundation

extension HelmOptions {
    /// The options for an application's Helm settings, as Argo CD runs `helm template`: the release is named
    /// after the application unless `releaseName` says otherwise, CRDs are included unless `skipCrds`,
    /// `valuesObject` replaces `values`, and each parameter becomes one `--set` (or `--set-string`) with
    /// commas in its value escaped.
    public init(source: HelmSource?, appName: String, namespace: String) {
        self.init(releaseName: source?.releaseName ?? (appName.isEmpty ? "release-name" : appName),
                  namespace: namespace.isEmpty ? "default" : namespace,
                  includeCRDs: !(source?.skipCrds ?? false))
        guard let source else { return }
        valueFiles = source.valueFiles ?? []
        ignoreMissingValueFiles = source.ignoreMissingValueFiles ?? false
        if let object = source.valuesObject { values = object } else if let text = source.values, !text.isEmpty { valuesYAML = [text] }
        for parameter in source.parameters ?? [] {
            let expression = parameter.name + "=" + parameter.value.replacingOccurrences(of: ",", with: "\\,")
            if parameter.forceString == true { setString.append(expression) } else { set.append(expression) }
        }
        setFile = (source.fileParameters ?? []).map { "\($0.name)=\($0.path)" }
        kubeVersion = source.kubeVersion
        apiVersions = source.apiVersions ?? []
    }
}
