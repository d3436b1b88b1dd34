import Mustache

/// Watches swift-mustache render one view, to turn what it writes into a `TemplateStamp`.
///
/// The engine gets the view through `RecordingObject`s, which answer each lookup with a stand-in instead of the text
/// (a private-use character numbering the lookup, then `<aB`) and note the lookup as a guard: where it looked and what
/// its control flow could see there. In the output, a stand-in followed by `&lt;aB` marks text the engine escaped, one
/// followed by `<aB` text it wrote as it was; any transform of the text (upper case, reversal) shows as a different
/// tail and stops the stamp.
final class StampRecorder {
    /// A lookup the engine made, in the order it first made it: the guard before it whose value it started from (-1:
    /// the root view), the step it took, and what it saw.
    struct Guard {
        var parent: Int
        var step: ViewPathStep
        var outcome: ViewOutcome
    }

    static let firstStandIn: UInt32 = 0xF0000
    static let lastStandIn: UInt32 = 0xFFFFD
    static let tail = "<aB"
    /// A section template (under `sections/`) is rendered on its own, with its own stamps: while a page is recorded,
    /// the section is a template that only looks this name up, and the recorder answers with the section's slot.
    static let slotPrefix = "versus-section-"
    static let firstSlot: UInt32 = 0x100000

    private(set) var guards: [Guard] = []
    /// Stand-in number → the guard whose text it stands for.
    private(set) var textGuards: [Int] = []
    /// Set when the engine read something a stamp cannot stand for: how many guards came before it. Views that pass
    /// those guards are left to the engine.
    private(set) var usableGuards: Int?
    private var answered: [[ViewPathStep]: (guardIndex: Int, value: Any?)] = [:]

    /// The root view, dressed for the engine.
    func root(_ view: [String: Any]) -> RecordingObject {
        RecordingObject(recorder: self, fields: view, path: [], index: -1)
    }

    /// The engine's answer for the value at `path` (one step below the guard `parent`), noted once per path.
    func answer(_ value: Any?, at path: [ViewPathStep], parent: Int) -> Any? {
        if let seen = answered[path] { return seen.value }
        guard let outcome = ViewOutcome(of: value), let step = path.last else {
            stop()
            return nil
        }
        let index = guards.count
        guards.append(Guard(parent: parent, step: step, outcome: outcome))
        answered[path] = (index, nil)
        let result: Any?
        switch value {
        case let text as String where !text.isEmpty:
            let number = UInt32(textGuards.count) + Self.firstStandIn
            guard number <= Self.lastStandIn, let scalar = Unicode.Scalar(number) else {
                stop()
                return nil
            }
            textGuards.append(index)
            result = String(Character(scalar)) + Self.tail
        case let list as [Any]:
            // Every element is noted now, in order, so that the guards of two views with the same shape line up.
            result = list.indices.map { answer(list[$0], at: path + [.index($0)], parent: index) as Any }
        case let object as [String: Any]:
            result = RecordingObject(recorder: self, fields: object, path: path, index: index)
        default:
            result = value
        }
        answered[path] = (index, result)
        return result
    }

    /// The stand-in for section slot `name`. A section renders on its own with the page's view as its only context, so
    /// it may only be included at the top of the page, where that is the context it would have had.
    func slot(_ name: String, askedOf index: Int) -> Any? {
        guard index == -1, let number = UInt32(name.dropFirst(Self.slotPrefix.count)),
            let scalar = Unicode.Scalar(Self.firstSlot + number)
        else {
            stop()
            return nil
        }
        return String(Character(scalar)) + Self.tail
    }

    /// Notes that the engine read something no stamp can stand for.
    func stop() {
        if usableGuards == nil { usableGuards = guards.count }
    }
}

/// An object of the view as the engine sees it while a stamp is recorded.
final class RecordingObject: MustacheParent, MustacheTransformable {
    let recorder: StampRecorder
    let fields: [String: Any]
    let path: [ViewPathStep]
    /// The guard that produced this object (-1 for the root view).
    let index: Int

    init(recorder: StampRecorder, fields: [String: Any], path: [ViewPathStep], index: Int) {
        self.recorder = recorder
        self.fields = fields
        self.path = path
        self.index = index
    }

    func child(named name: String) -> Any? {
        if name.hasPrefix(StampRecorder.slotPrefix) { return recorder.slot(name, askedOf: index) }
        return recorder.answer(fields[name], at: path + [.key(name)], parent: index)
    }

    /// The transforms swift-mustache offers on a dictionary that depend on its size alone; any other stops the stamp.
    func transform(_ name: String) -> Any? {
        switch name {
        case "count":
            return recorder.answer(fields.count, at: path + [.size], parent: index)
        case "empty":
            _ = recorder.answer(fields.count, at: path + [.size], parent: index)
            return fields.isEmpty
        default:
            recorder.stop()
            return nil
        }
    }
}
