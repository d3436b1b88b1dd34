/// What follows from what among capabilities, so that a page never shows a model with "Function calling: Yes" and
/// "Tool use: Not documented": function calling is the interface through which a model uses the tools an application
/// defines, so a model documented with it is documented for tool use. The reverse does not hold (a model may use
/// built-in tools without offering function calling), and a stated value is never overridden.
enum CapabilityRules {
    /// (if this capability is yes, then that one is yes): each applied when the site shows both rows.
    static let implications = [("function-calling", "tool-use")]

    static func derived(_ model: Model, capabilities: [CapabilityDefinition]) -> Model {
        let shown = Set(capabilities.map(\.id))
        var model = model
        for (premise, conclusion) in implications where shown.contains(premise) && shown.contains(conclusion) {
            if model.capabilities[premise] == .yes && model.capability(conclusion) == .notDocumented {
                model.capabilities[conclusion] = .yes
            }
        }
        // Vision is reading images: a model documented with image input is documented for vision, and a model
        // documented for vision takes images, whatever else its input list names.
        if shown.contains("vision") {
            if model.inputModalities.contains(.image) && model.capability("vision") == .notDocumented {
                model.capabilities["vision"] = .yes
            }
            if model.capabilities["vision"] == .yes && !model.inputModalities.isEmpty && !model.inputModalities.contains(.image) {
                model.inputModalities.append(.image)
            }
        }
        return model
    }
}
