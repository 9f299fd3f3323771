import FerryCore

/// The `images` transformer: rewrites `image` of every container and initContainer (anywhere in the
/// object, as kustomize's legacy image filter does) whose image name matches.
enum Images {
    struct Rule {
        var name: String
        var newName: String?
        var newTag: String?
        var digest: String?
        var tagSuffix: String?
    }

    static func run(_ k: Kustomization, resources: inout [KResource]) throws {
        for entry in try k.list("images") {
            let rule = try parse(entry, file: k.file)
            for i in resources.indices where resources[i].kind != "CustomResourceDefinition" {
                walk(&resources[i].value, rule)
            }
            // kustomize then runs the field-spec filter with the same rule, so a match is updated twice.
            // That second pass only changes something with tagSuffix (which appends again) or for fields
            // the legacy walk does not reach (specs added by `configurations`).
            let defaults = TransformerConfig.defaults.images
            let specs = rule.tagSuffix?.isEmpty == false ? k.config.images
                : k.config.images.filter { spec in !defaults.contains { $0.sameTarget(spec) } }
            for i in resources.indices where !specs.isEmpty {
                for spec in specs {
                    var existing = spec
                    existing.create = false
                    existing.apply(to: &resources[i].value) { current in
                        guard case .string(let image)? = current, let updated = apply(rule, to: image) else { return current }
                        return .string(updated)
                    }
                }
            }
        }
    }

    static func parse(_ entry: Value, file: String) throws -> Rule {
        func text(_ key: String) throws -> String? {
            guard let v = entry[key], !v.isNull else { return nil }
            switch v {
            case .string(let s): return s
            case .int(let i): return String(i)
            case .double(let d): return YAML.formatFloat(d)
            default: throw RenderError(file: file, message: "images: '\(key)' must be a string")
            }
        }
        guard let name = try text("name"), !name.isEmpty else {
            throw RenderError(file: file, message: "images: every entry needs a 'name'")
        }
        for key in entry.objectValue?.keys ?? [] where !["name", "newName", "newTag", "digest", "tagSuffix"].contains(key) {
            throw RenderError(file: file, message: "kustomization field 'images.\(key)' is not supported yet")
        }
        return Rule(name: name, newName: try text("newName"), newTag: try text("newTag"), digest: try text("digest"),
                    tagSuffix: try text("tagSuffix"))
    }

    static func walk(_ node: inout Value, _ rule: Rule) {
        switch node {
        case .object(var members):
            for key in members.keys {
                guard var child = members[key] else { continue }
                walk(&child, rule)
                if key == "containers" || key == "initContainers", case .array(var items) = child {
                    for j in items.indices {
                        if let image = items[j]["image"]?.stringValue, let updated = apply(rule, to: image) {
                            items[j]["image"] = .string(updated)
                        }
                    }
                    child = .array(items)
                }
                members[key] = child
            }
            node = .object(members)
        case .array(var items):
            for i in items.indices { walk(&items[i], rule) }
            node = .array(items)
        default:
            return
        }
    }

    /// The new image reference, or nil when `image` does not match the rule's name.
    static func apply(_ rule: Rule, to image: String) -> String? {
        guard matches(image, rule.name) else { return nil }
        var (name, tag, digest) = split(image)
        if let newName = rule.newName, !newName.isEmpty { name = newName }
        let newTag = rule.newTag ?? "", newDigest = rule.digest ?? ""
        if !newTag.isEmpty && !newDigest.isEmpty { tag = newTag; digest = newDigest }
        else if !newTag.isEmpty { tag = newTag; digest = "" }
        else if !newDigest.isEmpty { tag = ""; digest = newDigest }
        else if let suffix = rule.tagSuffix, !suffix.isEmpty { tag += suffix; digest = "" }
        var out = name
        if !tag.isEmpty { out += ":" + tag }
        if !digest.isEmpty { out += "@" + digest }
        return out
    }

    /// kustomize's `^name(:tag)?(@alg:hex)?$` match.
    static func matches(_ image: String, _ name: String) -> Bool {
        guard image.hasPrefix(name) else { return false }
        var rest = Substring(image.dropFirst(name.count))
        let tagChars = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.{}-")
        if rest.first == ":" {
            rest = rest.dropFirst()
            let tag = rest.prefix { tagChars.contains($0) }
            rest = rest.dropFirst(tag.count)
        }
        if rest.isEmpty { return true }
        guard rest.first == "@", let colon = rest.firstIndex(of: ":") else { return false }
        let algorithm = rest[rest.index(after: rest.startIndex)..<colon]
        let hex = rest[rest.index(after: colon)...]
        return !algorithm.isEmpty && algorithm.allSatisfy { $0.isLetter || $0.isNumber || "+._-".contains($0) }
            && hex.allSatisfy { tagChars.contains($0) }
    }

    /// Splits an image reference into name, tag and digest (kustomize's image.Split).
    static func split(_ image: String) -> (String, String, String) {
        let chars = Array(image)
        let slash = chars.firstIndex(of: "/").flatMap { $0 > 0 ? $0 : nil } ?? 0
        let search = chars[slash...]
        let at = search.firstIndex(of: "@")
        let colon = search.firstIndex(of: ":")
        guard colon != nil || at != nil else { return (image, "", "") }
        if let a = at, colon.map({ a < $0 }) ?? true {
            return (String(chars[..<a]), "", String(chars[(a + 1)...]))
        }
        guard let c = colon else { return (image, "", "") }
        if let a = at {
            return (String(chars[..<c]), String(chars[(c + 1)..<a]), String(chars[(a + 1)...]))
        }
        return (String(chars[..<c]), String(chars[(c + 1)...]), "")
    }
}
