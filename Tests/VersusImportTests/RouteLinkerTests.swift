import Testing
@testable import VersusImport

/// Which canonical model a provider file serves: base_model, then an exact id, then an exact name; never a guess.
struct RouteLinkerTests {
    static func model(_ id: String, name: String) -> UpstreamModel {
        let parts = id.split(separator: "/").map(String.init)
        return UpstreamModel(id: id, lab: parts[0], name: parts[1], file: "models/\(id).toml", data: ["name": .string(name)])
    }

    static func route(_ modelID: String, _ data: [String: TOMLData]) -> UpstreamRoute {
        UpstreamRoute(provider: "host", modelID: modelID, file: "providers/host/models/\(modelID).toml", data: data)
    }

    let linker = RouteLinker(models: [
        model("anthropic/claude-opus-4-6", name: "Claude Opus 4.6"),
        model("openai/gpt-5", name: "GPT-5"),
        model("cohere/command-r-08-2024", name: "Command R"),
        model("cohere/command-r-plus-08-2024", name: "Command R+"),
        model("alpha/twin", name: "Twin"),
        model("beta/twin", name: "Twin"),
    ])

    @Test func baseModelWinsOverEverythingElse() {
        let file = Self.route("gpt-5", ["base_model": .string("anthropic/claude-opus-4-6"), "name": .string("GPT-5")])
        #expect(linker.link(file) == .linked(model: "anthropic/claude-opus-4-6", rule: .baseModel))
    }

    @Test func baseModelThatIsNotThereIsReported() {
        #expect(linker.link(Self.route("x", ["base_model": .string("anthropic/claude-9")])) == .missingBase("anthropic/claude-9"))
    }

    @Test func idMatchesInFullOrWithoutTheLab() {
        #expect(linker.link(Self.route("openai/gpt-5", [:])) == .linked(model: "openai/gpt-5", rule: .id))
        #expect(linker.link(Self.route("gpt-5", [:])) == .linked(model: "openai/gpt-5", rule: .id))
        // Ids are compared exactly: a dot is not a dash.
        #expect(linker.link(Self.route("anthropic/claude-opus-4.6", [:])) == .unlinked)
    }

    @Test func nameMatchesIgnoringCaseSpacesAndPunctuation() {
        let file = Self.route("anthropic/claude-opus-4.6", ["name": .string("CLAUDE  opus-4.6!")])
        #expect(linker.link(file) == .linked(model: "anthropic/claude-opus-4-6", rule: .name))
    }

    @Test func namesThatFitSeveralModelsStayUnlinked() {
        // "Command R+" and "Command R" are the same letters once punctuation is ignored.
        #expect(
            linker.link(Self.route("command-r", ["name": .string("Command R+")]))
                == .ambiguous(["cohere/command-r-08-2024", "cohere/command-r-plus-08-2024"]))
        #expect(linker.link(Self.route("twin", ["name": .string("Twin")])) == .ambiguous(["alpha/twin", "beta/twin"]))
        // An exact id still decides when the name alone would not.
        #expect(
            linker.link(Self.route("command-r-plus-08-2024", ["name": .string("Command R+")]))
                == .linked(model: "cohere/command-r-plus-08-2024", rule: .id))
    }

    @Test func nearMissesAreNotLinked() {
        #expect(linker.link(Self.route("claude-opus-4-6-thinking", ["name": .string("Claude Opus 4.6 Thinking")])) == .unlinked)
        #expect(linker.link(Self.route("gpt5", [:])) == .unlinked)
    }
}
