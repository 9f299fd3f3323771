import CYaml
import OrderedCollections

/// Builds `Value`s straight from libyaml's event stream: no intermediate node tree, no per-node tag or mark
/// objects. Rendering hundreds of Helm templates parses every rendered document, and building Yams' `Node`
/// tree first and converting it afterwards was the largest part of that.
///
/// Semantics are those of `YAML.parseAll`: untagged plain scalars are typed by the dialect's rules, quoted and
/// block scalars are strings, explicit `!!` tags are honoured, anchors and aliases resolve to the anchored value,
/// a merge key (`<<`, or one tagged `!!merge`) merges mappings in, duplicate and non-scalar keys are errors, and nesting is
/// bounded. Errors carry file, line and column.
final class YAMLEventReader {
    private var parser = yaml_parser_t()
    private let file: String
    private let dialect: YAML.Dialect
    /// What to build of each document (`YAML.Selection`); everything else is read and checked only.
    private let selection: YAML.Selection
    /// Thrown when a partly built document holds an anchor or alias: its values might be needed anywhere, so
    /// the caller builds the stream whole instead.
    struct NeedsWholeDocuments: Error {}
    private var anchors: [String: Value] = [:]
    private var scalarAnchors: [String: Scalar] = [:]

    static let strTag = "tag:yaml.org,2002:str"
    static let mergeTag = "tag:yaml.org,2002:merge"
    static let maxDepth = 256

    struct Mark { var line: Int; var column: Int }

    /// A scalar as libyaml reports it: text, explicit tag (quoted scalars count as `!!str`), plain or not.
    struct Scalar {
        var text: String
        var tag: String?
        var plain: Bool
        var mark: Mark
    }

    /// One event, copied out of libyaml's struct.
    enum Event {
        case streamStart, streamEnd, documentStart, documentEnd
        case scalar(Scalar, anchor: String?)
        case alias(String, Mark)
        case sequenceStart(anchor: String?, Mark)
        case sequenceEnd
        case mappingStart(anchor: String?, Mark)
        case mappingEnd
    }

    init(file: String, dialect: YAML.Dialect, selection: YAML.Selection = .all) {
        self.file = file
        self.dialect = dialect
        self.selection = selection
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
    }

    deinit { yaml_parser_delete(&parser) }

    /// Every document of the UTF-8 `buffer`, which must stay valid for the call.
    func documents(_ buffer: UnsafeBufferPointer<UInt8>) throws -> [YAMLDocument] {
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var docs: [YAMLDocument] = []
        guard case .streamStart = try next() else { throw fail("expected the start of a YAML stream", Mark(line: 1, column: 1)) }
        while true {
            switch try next() {
            case .streamEnd:
                return docs
            case .documentStart:
                let first = try next()
                let line = Self.mark(of: first)?.line ?? 1
                let value = try node(first, depth: 0, select: selection)
                guard case .documentEnd = try next() else { throw fail("expected the end of a document", Mark(line: line, column: 1)) }
                docs.append(YAMLDocument(value: value, line: line))
                anchors.removeAll(keepingCapacity: true)
                scalarAnchors.removeAll(keepingCapacity: true)
            default:
                throw fail("expected a document", Mark(line: 1, column: 1))
            }
        }
    }

    // MARK: Nodes

    /// The value of the node that starts with `event`; with `select` nil, the node is read and checked and
    /// `.null` stands for it.
    private func node(_ event: Event, depth: Int, select: YAML.Selection?) throws -> Value {
        if depth > Self.maxDepth, let mark = Self.mark(of: event) { throw fail("nesting too deep", mark) }
        switch event {
        case .scalar(let scalar, let anchor):
            guard select != nil else { return .null }
            let value = try scalarValue(scalar)
            if let anchor { anchors[anchor] = value; scalarAnchors[anchor] = scalar }
            return value
        case .alias(let name, let mark):
            guard let value = anchors[name] else { throw fail("found undefined alias", mark) }
            return value
        case .sequenceStart(let anchor, _):
            var items: [Value] = []
            while true {
                let next = try next(text: select != nil)
                if case .sequenceEnd = next { break }
                let item = try node(next, depth: depth + 1, select: select.map { _ in .all })
                if select != nil { items.append(item) }
            }
            let value = Value.array(items)
            if let anchor { anchors[anchor] = value; scalarAnchors[anchor] = nil }
            return value
        case .mappingStart(let anchor, _):
            let value = try mapping(depth: depth, select: select)
            if let anchor { anchors[anchor] = value; scalarAnchors[anchor] = nil }
            return value
        default:
            throw fail("unexpected YAML event", Mark(line: 0, column: 0))
        }
    }

    private struct KeyIdentity: Equatable {
        var tag: String
        var text: String
        /// One string for both parts (a tag never holds a NUL), so the hash map is keyed by `String`, whose
        /// hashing every run needs anyway, instead of a type of its own checked against `Hashable` at run time.
        var key: String { tag + "\u{0}" + text }
    }

    /// The keys a mapping has had so far, for duplicate detection: a short list scanned linearly (most
    /// mappings have a handful of keys, and hashing every key cost more than comparing), a hash map past 16.
    private struct KeyLedger {
        private var few: [(KeyIdentity, Mark)] = []
        private var many: [String: Mark]?

        /// Records `key`; returns the mark of an earlier identical key instead when there is one.
        mutating func insert(_ key: KeyIdentity, at mark: Mark) -> Mark? {
            if many != nil {
                if let first = many?[key.key] { return first }
                many?[key.key] = mark
                return nil
            }
            if let earlier = few.first(where: { $0.0 == key }) { return earlier.1 }
            few.append((key, mark))
            if few.count > 16 {
                many = Dictionary(few.map { ($0.0.key, $0.1) }, uniquingKeysWith: { a, _ in a })
                few = []
            }
            return nil
        }
    }

    private func mapping(depth: Int, select: YAML.Selection?) throws -> Value {
        var members = OrderedDictionary<String, Value>()
        var seen = KeyLedger()
        var duplicates: [String: Mark] = [:]
        while true {
            let keyEvent = try next()
            if case .mappingEnd = keyEvent { break }
            let key = try keyScalar(keyEvent)
            let identity = KeyIdentity(tag: key.tag.flatMap { $0 == "!" ? nil : $0 } ?? Self.strTag, text: key.text)
            if let first = seen.insert(identity, at: key.mark) { duplicates[key.text] = duplicates[key.text] ?? first }
            let isMerge = key.tag == Self.mergeTag || (key.tag == nil && key.plain && key.text == "<<")
            let name = try mappingKey(key)
            let member = isMerge ? select.map { _ in .all } : select?.member(name)
            let value = try node(try next(text: member != nil), depth: depth + 1, select: member)
            guard member != nil else { continue }
            if isMerge {
                // A merge key (`<<: *base` or `<<: [*a, *b]`): keys the mapping does not set itself, the
                // earlier source first — as go-yaml (Helm, kubectl) and kustomize expand them.
                let sources: [Value] = value.arrayValue ?? [value]
                for case .object(let merged) in sources {
                    for (k, v) in merged where members[k] == nil { members[k] = v }
                }
                continue
            }
            members[name] = value
        }
        if let first = duplicates.keys.min(), let mark = duplicates[first] {
            throw fail("duplicate keys in mapping: " + duplicates.keys.sorted().joined(separator: ", "), mark)
        }
        return .object(members)
    }

    private func keyScalar(_ event: Event) throws -> Scalar {
        switch event {
        case .scalar(let scalar, let anchor):
            if let anchor { anchors[anchor] = try scalarValue(scalar); scalarAnchors[anchor] = scalar }
            return scalar
        case .alias(let name, let mark):
            guard anchors[name] != nil else { throw fail("found undefined alias", mark) }
            guard let scalar = scalarAnchors[name] else { throw fail("mapping keys must be scalars", mark) }
            return scalar
        default:
            throw fail("mapping keys must be scalars", Self.mark(of: event) ?? Mark(line: 0, column: 0))
        }
    }

    /// A mapping key's name: as written, except plain keys in the YAML 1.1 dialect (see `mappingKey11`).
    private func mappingKey(_ key: Scalar) throws -> String {
        guard dialect == .yaml11, key.plain else { return key.text }
        guard key.tag == nil || key.tag == "!" || key.tag == Self.strTag else { return key.text }
        guard let name = YAML.mappingKey11(key.text) else {
            throw fail("unsupported map key '\(key.text)' (Helm's YAML reader allows string, number and boolean keys)", key.mark)
        }
        return name
    }

    private func scalarValue(_ scalar: Scalar) throws -> Value {
        guard let tag = scalar.tag, tag != "!" else {
            // Untagged plain scalars are typed here (fast, no regular expressions).
            guard scalar.plain else { return .string(scalar.text) }
            return dialect == .yaml11 ? YAML.resolvePlain11(scalar.text) : YAML.resolvePlain(scalar.text)
        }
        return YAML.scalarValue(scalar.text, tag: tag)
    }

    // MARK: Events

    private static func mark(of event: Event) -> Mark? {
        switch event {
        case .scalar(let scalar, _): return scalar.mark
        case .alias(_, let mark), .sequenceStart(_, let mark), .mappingStart(_, let mark): return mark
        default: return nil
        }
    }

    /// The next event; with `text` false, a scalar's text is left empty (its node is only being checked).
    private func next(text: Bool = true) throws -> Event {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { throw parserError() }
        defer { yaml_event_delete(&event) }
        if case .keys = selection, Self.refersToAnchors(event) { throw NeedsWholeDocuments() }
        let mark = Mark(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
        switch event.type {
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_STREAM_END_EVENT: return .streamEnd
        case YAML_DOCUMENT_START_EVENT: return .documentStart
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_ALIAS_EVENT: return .alias(Self.string(event.data.alias.anchor) ?? "", mark)
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let text = text ? String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self) : ""
            let tag = data.quoted_implicit == 1 ? Self.strTag : Self.string(data.tag)
            let scalar = Scalar(text: text, tag: tag, plain: data.style == YAML_PLAIN_SCALAR_STYLE, mark: mark)
            return .scalar(scalar, anchor: Self.string(data.anchor))
        case YAML_SEQUENCE_START_EVENT: return .sequenceStart(anchor: Self.string(event.data.sequence_start.anchor), mark)
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_START_EVENT: return .mappingStart(anchor: Self.string(event.data.mapping_start.anchor), mark)
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        default: throw fail("unexpected YAML event", mark)
        }
    }

    /// True for an alias, or a node with an anchor.
    private static func refersToAnchors(_ event: yaml_event_t) -> Bool {
        switch event.type {
        case YAML_ALIAS_EVENT: return true
        case YAML_SCALAR_EVENT: return event.data.scalar.anchor != nil
        case YAML_SEQUENCE_START_EVENT: return event.data.sequence_start.anchor != nil
        case YAML_MAPPING_START_EVENT: return event.data.mapping_start.anchor != nil
        default: return false
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// libyaml's error as Ferry's: the context ("while parsing a block mapping") before the problem, at the
    /// problem's line and column; a reader error (a control character) at the line and column of its offset.
    private func parserError() -> DocumentError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        if parser.error == YAML_READER_ERROR {
            return DocumentError(file: file, line: 0, column: 0,
                                 message: "\(problem) at offset \(parser.problem_offset)")
        }
        let context = parser.context.map { String(cString: $0) + " " } ?? ""
        return DocumentError(file: file, line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1,
                             message: context + problem)
    }

    private func fail(_ message: String, _ mark: Mark) -> DocumentError {
        DocumentError(file: file, line: mark.line, column: mark.column, message: message)
    }
}
