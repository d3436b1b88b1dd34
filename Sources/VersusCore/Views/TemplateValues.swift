import Foundation

/// Marks a view model: a struct whose stored properties the templates read by name.
protocol TemplateView {}

/// A view model that lists its fields itself, sparing even the one reflection: for the small structs a page holds
/// hundreds of (cells, references, rows).
protocol TemplateFields: TemplateView {
    var templateFields: [String: Any] { get }
}

/// Turns a view model into dictionaries and arrays once, before rendering.
///
/// swift-mustache finds a name in a struct through `Mirror`, reflecting every stored property for each lookup and
/// again for each level of the context stack it climbs; a pair page makes thousands of lookups, which made that
/// reflection nine tenths of the build. Reflecting each view once and handing the engine dictionaries (which it
/// reads with one hash lookup) renders the same text several times faster.
enum TemplateValues {
    static func convert(_ value: Any) -> Any? {
        switch value {
        case let text as String:
            return text
        case let view as TemplateFields:
            return view.templateFields
        case let view as TemplateView:
            return reflected(view)
        case let list as [Any]:
            return list.compactMap(convert)
        case let optional as OptionalValue:
            return optional.wrappedValue.flatMap(convert)
        default:
            return value
        }
    }
}

extension TemplateValues {
    /// A view's stored properties by reflection (what `TemplateFields` types list by hand).
    static func reflected(_ view: TemplateView) -> [String: Any] {
        var fields: [String: Any] = [:]
        for child in Mirror(reflecting: view).children {
            guard let label = child.label, let converted = convert(child.value) else { continue }
            fields[label] = converted
        }
        return fields
    }
}

private protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrappedValue: Any? { self.map { $0 as Any } }
}
