/// One step from a view's root towards a value a template read: a field, an element of a list, or the number of
/// fields of an object (what the `count` and `empty` transforms look at).
enum ViewPathStep: Hashable, Sendable {
    case key(String)
    case index(Int)
    case size

    /// The value this step leads to from `base`, as `TemplateValues` shapes views: dictionaries, lists, text, flags
    /// and numbers.
    func apply(to base: Any?) -> Any? {
        switch self {
        case let .key(name):
            // Views are `[String: Any]` all through; comparing the type first spares the general dynamic cast.
            guard let base else { return nil }
            if type(of: base) == [String: Any].self { return (base as! [String: Any])[name] }
            return (base as? [String: Any])?[name]
        case let .index(index):
            guard let list = base as? [Any], index < list.count else { return nil }
            return list[index]
        case .size:
            return (base as? [String: Any])?.count
        }
    }

    /// The same step in a view as stamps read it.
    func apply(to base: ViewValue?) -> ViewValue? {
        switch self {
        case let .key(name):
            guard case let .object(fields)? = base else { return nil }
            return fields[name]
        case let .index(index):
            guard case let .list(items)? = base, index < items.count else { return nil }
            return items[index]
        case .size:
            guard case let .object(fields)? = base else { return nil }
            return .int(fields.count)
        }
    }
}

/// All that swift-mustache's control flow can tell apart about a value it looked up: whether it is there, whether
/// text is empty (the `empty` transform), a flag's value, a list's length, a number's digits. Two views that give
/// the same outcomes for the same lookups render through the same sections, the same partials and the same
/// blocks; only the text in them differs.
enum ViewOutcome: Hashable, Sendable {
    case missing
    case emptyText
    case text
    case flag(Bool)
    case list(Int)
    case object
    case number(String)

    /// nil for a value of any other kind: a template that reads one is rendered by the engine every time.
    init?(of value: Any?) {
        var text = ""
        self.init(of: value, text: &text)
    }

    /// The same, setting `text` to the value when it is text.
    init?(of value: Any?, text: inout String) {
        guard let value else {
            self = .missing
            return
        }
        let type = Swift.type(of: value)
        if type == String.self {
            text = value as! String
            self = text.isEmpty ? .emptyText : .text
            return
        }
        if type == [String: Any].self {
            self = .object
            return
        }
        switch value {
        case let string as String:
            text = string
            self = string.isEmpty ? .emptyText : .text
        case let flag as Bool: self = .flag(flag)
        case let list as [Any]: self = .list(list.count)
        case is [String: Any]: self = .object
        case let number as Int: self = .number(String(number))
        case let number as Double: self = .number(String(number))
        default: return nil
        }
    }

    /// The same for a view as stamps read it, which holds no value of another kind.
    init(of value: ViewValue?) {
        switch value {
        case nil: self = .missing
        case let .text(text)?: self = text.isEmpty ? .emptyText : .text
        case let .flag(flag)?: self = .flag(flag)
        case let .list(items)?: self = .list(items.count)
        case .object?: self = .object
        case let .int(number)?: self = .number(String(number))
        case let .double(number)?: self = .number(String(number))
        }
    }
}
