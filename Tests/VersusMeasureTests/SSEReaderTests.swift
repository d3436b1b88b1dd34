import Testing
@testable import VersusMeasure

@Suite struct SSEReaderTests {
    /// Feeds `text` in pieces of `size` bytes and collects every event.
    static func events(_ text: String, size: Int) -> [String] {
        var reader = SSEReader()
        let bytes = Array(text.utf8)
        var events: [String] = []
        for start in stride(from: 0, to: bytes.count, by: size) {
            events += reader.feed(bytes[start..<min(start + size, bytes.count)])
        }
        if let last = reader.finish() { events.append(last) }
        return events
    }

    @Test(arguments: [1, 2, 3, 7, 1000]) func eventsStayWholeWhateverTheReads(size: Int) {
        let stream =
            ": comment\n\ndata: {\"a\":1}\n\ndata:{\"b\":2}\r\n\r\nevent: message\nid: 4\ndata: line one\ndata: line two\n\n: ping\ndata: [DONE]\n\n"
        #expect(Self.events(stream, size: size) == ["{\"a\":1}", "{\"b\":2}", "line one\nline two", "[DONE]"])
    }

    @Test func carriageReturnsAloneEndLines() {
        #expect(Self.events("data: x\r\rdata: y\r\r", size: 1) == ["x", "y"])
    }

    @Test func anEventLeftWithoutItsBlankLineIsKept() {
        #expect(Self.events("data: a\n\ndata: b", size: 4) == ["a", "b"])
    }

    @Test func onlyOneSpaceIsTakenOffAndOtherFieldsAreIgnored() {
        #expect(Self.events("data:  two spaces\nretry: 10\n\n", size: 5) == [" two spaces"])
        #expect(Self.events("event: ping\n\n", size: 5).isEmpty)
    }

    @Test func linesOfNDJSON() {
        var reader = LineReader()
        #expect(reader.feed(Array("{\"a\":".utf8)).isEmpty)
        #expect(reader.feed(Array("1}\n\n{\"b\"".utf8)) == ["{\"a\":1}"])
        #expect(reader.finish() == "{\"b\"")
    }

    @Test func errorBodies() {
        #expect(ErrorBody.message(in: #"{"error":{"message":"bad","type":"x"}}"#) == "bad")
        #expect(ErrorBody.message(in: #"{"error":"model \"m\" not found"}"#) == "model \"m\" not found")
        #expect(ErrorBody.message(in: #"{"object":"error","message":"no"}"#) == "no")
        #expect(ErrorBody.message(in: "Service Unavailable\nmore") == "Service Unavailable")
        #expect(ErrorBody.message(in: "") == nil)
    }

    @Test func endpointsAndQuantizations() {
        #expect(Endpoint("http://127.0.0.1:8080/v1/", api: .openai)?.chatURL == "http://127.0.0.1:8080/v1/chat/completions")
        #expect(Endpoint("http://localhost:11434", api: .ollama)?.chatURL == "http://localhost:11434/api/chat")
        #expect(Endpoint("http://h:1/v1/chat/completions", api: .openai)?.base == "http://h:1")
        #expect(Endpoint("127.0.0.1:8080", api: .openai) == nil)
        #expect(ServerInfo.quantization(in: "gemma-3-270m-it-Q4_K_M.gguf") == "Q4_K_M")
        #expect(ServerInfo.quantization(in: "model.IQ3_XS.gguf") == "IQ3_XS")
        #expect(ServerInfo.quantization(in: "llama-3-8b-f16.gguf") == "F16")
        #expect(ServerInfo.quantization(in: "gemma") == nil)
        #expect(MachineInfo.hostID("Build-Box_7.example.com") == "build-box-7")
        #expect(MachineInfo.hostID("???") == "localhost")
    }
}
