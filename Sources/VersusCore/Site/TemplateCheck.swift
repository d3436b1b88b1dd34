import Foundation

/// Checks every template against the views it is rendered with, before any page is rendered.
///
/// swift-mustache renders an unknown name, a missing partial or a misplaced section as nothing: a misspelt field
/// would silently drop part of every page. Starting from each template rendered from Swift (`RenderedTemplates`)
/// with the shape of its view (`TemplateSchema`), the check follows sections, lists, partials and parents the way
/// the engine does and reports, at its line and column:
/// - a name that no view in reach has (with the nearest known name);
/// - a transform the engine does not know;
/// - a section template (`sections/…`) included where stamps cannot take it: inside `{{#…}}`/`{{^…}}`, or not alone
///   on its line (docs/building.md, "Sections and stamps").
/// Missing partials and parents are reported by `TemplateSet.load`, from the same tags.
struct TemplateCheck {
    /// One level of the context stack: what it holds and how to name it in a message.
    struct Scope {
        var shape: TemplateShape
        var label: String
    }

    static let transforms: Set<String> = [
        "empty", "first", "last", "count", "reversed", "sorted", "enumerated", "capitalized",
        "lowercased", "uppercased", "plusone", "minusone", "equalzero", "odd", "even", "negate",
    ]
    /// Transforms a loop item answers with no argument (`{{#first()}}`).
    static let itemTransforms: Set<String> = ["first", "last", "index", "even", "odd"]

    private let tags: [String: [TemplateTag]]
    private var found: Set<Diagnostic> = []
    private var checked: Set<String> = []

    private init(tags: [String: [TemplateTag]]) {
        self.tags = tags
    }

    /// `texts`: template name → text. Templates no rendered template reaches are not checked (they render nothing).
    static func run(texts: [String: String], rendered: [RenderedTemplate] = RenderedTemplates.all) -> [Diagnostic] {
        var check = TemplateCheck(tags: texts.mapValues(TemplateTags.tags(in:)))
        for template in rendered where texts[template.name] != nil {
            check.check(
                template.name, stack: [Scope(shape: template.shape, label: "the view of \(template.name)")], nested: false, depth: 0)
        }
        return check.found.sorted()
    }

    private func location(_ template: String, _ tag: TemplateTag) -> SourceLocation {
        SourceLocation(file: "\(TemplateSet.folder)/\(template).mustache", line: tag.line, column: tag.column)
    }

    /// Checks `template` rendered with `stack` (innermost last). `nested`: included from inside a `{{#…}}` or `{{^…}}`.
    private mutating func check(_ template: String, stack initial: [Scope], nested initiallyNested: Bool, depth: Int) {
        let key = "\(template)|\(initiallyNested)|" + initial.map(\.label).joined(separator: ">")
        guard depth < 16, checked.insert(key).inserted, let tags = tags[template] else { return }
        var stack = initial
        // Per open tag: how many scopes it pushed, and whether it is a `{{#…}}`/`{{^…}}` section.
        var open: [(pushed: Int, conditional: Bool)] = []
        var nested: Bool { initiallyNested || open.contains { $0.conditional } }
        for tag in tags {
            switch tag.kind {
            case .ignored:
                continue
            case .delimiters:
                return
            case .variable:
                _ = resolve(tag.name, in: stack, template: template, tag: tag)
            case .section:
                let shape = resolve(tag.name, in: stack, template: template, tag: tag)
                switch shape {
                case let .list(element)?:
                    stack.append(Scope(shape: element, label: "an item of `\(tag.name)`"))
                    open.append((1, true))
                case let .fields(names)?:
                    stack.append(Scope(shape: .fields(names), label: "`\(tag.name)`"))
                    open.append((1, true))
                default:
                    open.append((0, true))
                }
            case .inverted:
                _ = resolve(tag.name, in: stack, template: template, tag: tag)
                open.append((0, true))
            case .block:
                open.append((0, false))
            case .parent:
                check(tag.name, stack: stack, nested: nested, depth: depth + 1)
                open.append((0, false))
            case .close:
                if let last = open.popLast() { stack.removeLast(last.pushed) }
            case .partial:
                if tag.name.hasPrefix(StampSet.sectionPrefix) { checkPlacement(of: tag, in: template, nested: nested) }
                // A misspelt include is reported by `TemplateSet.load`; the template it most likely meant is still
                // checked here, so one run finds the errors inside it too.
                let included = self.tags[tag.name] != nil ? tag.name : Suggestion.closest(to: tag.name, in: self.tags.keys) ?? tag.name
                check(included, stack: stack, nested: nested, depth: depth + 1)
            }
        }
    }

    private mutating func checkPlacement(of tag: TemplateTag, in template: String, nested: Bool) {
        let fix =
            "include a section on a line of its own, unindented, at the top level of a page template; put a "
            + "condition inside the section's own template"
        if nested {
            found.insert(
                .error(
                    location(template, tag), "section `\(tag.name)` is included inside {{#…}} or {{^…}}, where its stamps cannot render it",
                    fix: fix))
        } else if !tag.aloneOnLine {
            found.insert(
                .error(
                    location(template, tag), "section `\(tag.name)` is not alone on its line, where its stamps cannot render it",
                    fix: fix))
        }
    }

    /// The shape `name` leads to from the stack, or nil (after reporting) when it leads nowhere.
    private mutating func resolve(_ name: String, in stack: [Scope], template: String, tag: TemplateTag) -> TemplateShape? {
        if name == "." { return stack.last?.shape }
        if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
            let transform = String(name[..<open])
            let argument = String(name[name.index(after: open)..<name.index(before: name.endIndex)]).trimmingCharacters(in: .whitespaces)
            if argument.isEmpty {
                if Self.itemTransforms.contains(transform) { return .flag }
                report(unknownTransform: transform, template: template, tag: tag)
                return nil
            }
            guard Self.transforms.contains(transform) else {
                report(unknownTransform: transform, template: template, tag: tag)
                return nil
            }
            guard let shape = resolve(argument, in: stack, template: template, tag: tag) else { return nil }
            switch (transform, shape) {
            case ("first", .list(let element)), ("last", .list(let element)): return element
            case ("empty", _), ("equalzero", _), ("odd", _), ("even", _): return .flag
            case ("count", _): return .number
            default: return shape
            }
        }
        // `.name` is looked up in the innermost scope only; otherwise the engine looks the first part up from the
        // innermost scope out, and the rest inside what it found.
        let local = name.hasPrefix(".")
        let parts = (local ? name.dropFirst() : name[...]).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let scopes = local ? Array(stack.suffix(1)) : stack
        guard let first = parts.first, !first.isEmpty else { return nil }
        guard var shape = scopes.reversed().lazy.compactMap({ $0.shape.names[first] }).first else {
            let visible = Set(scopes.flatMap(\.shape.names.keys))
            let fix =
                Suggestion.closest(to: first, in: visible).map { "did you mean `\(([$0] + parts.dropFirst()).joined(separator: "."))`?" }
                ?? "fields here: " + visible.sorted().prefix(16).joined(separator: ", ")
            found.insert(
                .error(
                    location(template, tag), "`\(name)` names no field of \(stack.last?.label ?? "the view") or of any view around it",
                    fix: fix))
            return nil
        }
        for (index, part) in parts.enumerated().dropFirst() {
            guard let next = shape.names[part] else {
                let owner = parts[..<index].joined(separator: ".")
                let names = shape.names.keys
                let fix =
                    Suggestion.closest(to: part, in: names).map { "did you mean `\(owner).\($0)`?" }
                    ?? (names.isEmpty
                        ? "`\(owner)` is not a view with fields" : "fields of `\(owner)`: " + names.sorted().joined(separator: ", "))
                found.insert(.error(location(template, tag), "`\(name)`: `\(owner)` has no field `\(part)`", fix: fix))
                return nil
            }
            shape = next
        }
        return shape
    }

    private mutating func report(unknownTransform transform: String, template: String, tag: TemplateTag) {
        let fix =
            Suggestion.closest(to: transform, in: Self.transforms).map { "did you mean `\($0)`?" }
            ?? "known transforms: " + Self.transforms.sorted().joined(separator: ", ")
        found.insert(.error(location(template, tag), "`\(transform)` is not a transform the template engine knows", fix: fix))
    }
}
