/// A YAML value with the place it was written, independent of the YAML library.
public struct YAMLNode: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `plain` is false for quoted and block scalars, which are always strings.
        case scalar(String, plain: Bool)
        case mapping([YAMLEntry])
        case sequence([YAMLNode])
    }

    public var kind: Kind
    public var location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// A plain `~`, `null` or empty scalar.
    public var isNull: Bool {
        if case let .scalar(text, plain) = kind, plain {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    /// What a reader calls this node's type in a message.
    public var kindName: String {
        switch kind {
        case .scalar: return isNull ? "an empty value" : "a single value"
        case .mapping: return "a mapping of keys"
        case .sequence: return "a list"
        }
    }

    public var scalarText: String? {
        if case let .scalar(text, _) = kind { return text }
        return nil
    }

    public var entries: [YAMLEntry]? {
        if case let .mapping(entries) = kind { return entries }
        return nil
    }

    public var items: [YAMLNode]? {
        if case let .sequence(items) = kind { return items }
        return nil
    }
}

public struct YAMLEntry: Sendable, Hashable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: YAMLNode

    public init(key: String, keyLocation: SourceLocation, value: YAMLNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
