import AsyncHTTPClient
import Foundation
import NIOCore
import VersusCore

/// The machine the run measured on: what Linux tells without root, and `nvidia-smi` when it is installed.
public enum MachineInfo {
    public static func hardware() -> Measurement.Hardware {
        var hardware = Measurement.Hardware()
        if let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
            let colon = line.firstIndex(of: ":")
        {
            hardware.cpu = String(line[line.index(after: colon)...]).trimmingWhitespace
        }
        hardware.cores = ProcessInfo.processInfo.activeProcessorCount
        hardware.memoryGB = Statistics.decimal(Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824, places: 1)
        if let release = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8),
            let line = release.split(separator: "\n").first(where: { $0.hasPrefix("PRETTY_NAME=") })
        {
            hardware.os = String(line.dropFirst("PRETTY_NAME=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        } else {
            hardware.os = ProcessInfo.processInfo.operatingSystemVersionString
        }
        if let gpu = nvidiaSMI() {
            hardware.gpu = gpu.name
            hardware.gpuMemoryGB = gpu.memoryGB
        }
        return hardware
    }

    /// The machine's name as a file name can carry it: lowercase letters, digits and hyphens.
    public static func hostID(_ name: String = ProcessInfo.processInfo.hostName) -> String {
        let short = name.split(separator: ".").first.map(String.init) ?? name
        var id = ""
        for scalar in short.lowercased().unicodeScalars {
            let ok = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            if ok { id.unicodeScalars.append(scalar) } else if !id.hasSuffix("-") && !id.isEmpty { id += "-" }
        }
        while id.hasSuffix("-") { id.removeLast() }
        return Identifier.isValid(String(id.prefix(40))) ? String(id.prefix(40)) : "localhost"
    }

    private static func nvidiaSMI() -> (name: String, memoryGB: Decimal?)? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let tool = paths.map({ "\($0)/nvidia-smi" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["--query-gpu=name,memory.total", "--format=csv,noheader,nounits"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let first = String(decoding: data, as: UTF8.self).split(separator: "\n").first else {
            return nil
        }
        let parts = first.split(separator: ",").map { String($0).trimmingWhitespace }
        guard let name = parts.first, !name.isEmpty else { return nil }
        let memory = parts.count > 1 ? Double(parts[1]).map { Statistics.decimal($0 / 1024, places: 1) } : nil
        return (name, memory)
    }
}

/// What the server tells about itself and the model it runs: llama-server's `/props`, vLLM's `/version`,
/// Ollama's `/api/version` and `/api/show`, and `/v1/models`.
struct ServerInfo: Sendable {
    var runtime: Measurement.Runtime
    /// llama-server and vLLM take `ignore_eos`; llama-server takes `cache_prompt`.
    var acceptsIgnoreEOS = false
    var acceptsCachePrompt = false

    static func probe(_ endpoint: Endpoint, model: String, client: HTTPClient) async -> ServerInfo {
        switch endpoint.api {
        case .ollama:
            var runtime = Measurement.Runtime(name: "Ollama")
            runtime.version = await endpoint.json("/api/version", client: client)?["version"] as? String
            if let show = await post("/api/show", ["model": model], endpoint: endpoint, client: client) {
                let details = show["details"] as? [String: Any]
                runtime.quantization = details?["quantization_level"] as? String
                let info = show["model_info"] as? [String: Any] ?? [:]
                runtime.contextTokens = info.first { $0.key.hasSuffix(".context_length") }.flatMap { $0.value as? Int }
                runtime.modelFile = model
            }
            return ServerInfo(runtime: runtime)
        case .openai:
            let listed = await endpoint.json("/v1/models", client: client)
            let first = (listed?["data"] as? [[String: Any]])?.first
            if let props = await endpoint.json("/props", client: client), props["build_info"] != nil || props["model_path"] != nil {
                var runtime = Measurement.Runtime(name: "llama.cpp llama-server", version: props["build_info"] as? String)
                let path = props["model_path"] as? String ?? first?["id"] as? String
                runtime.modelFile = path.map { URL(fileURLWithPath: $0).lastPathComponent }
                let settings = props["default_generation_settings"] as? [String: Any]
                runtime.contextTokens = (settings?["n_ctx"] ?? props["n_ctx"]) as? Int
                runtime.quantization = runtime.modelFile.flatMap(quantization(in:))
                return ServerInfo(runtime: runtime, acceptsIgnoreEOS: true, acceptsCachePrompt: true)
            }
            let owner = first?["owned_by"] as? String
            if owner == "vllm", let version = await endpoint.json("/version", client: client)?["version"] as? String {
                var runtime = Measurement.Runtime(name: "vLLM", version: version)
                runtime.modelFile = first?["root"] as? String ?? first?["id"] as? String
                runtime.contextTokens = first?["max_model_len"] as? Int
                runtime.quantization = runtime.modelFile.flatMap(quantization(in:))
                return ServerInfo(runtime: runtime, acceptsIgnoreEOS: true)
            }
            var runtime = Measurement.Runtime(name: owner.map { "OpenAI-compatible server (\($0))" } ?? "OpenAI-compatible server")
            runtime.modelFile = first?["id"] as? String
            runtime.quantization = runtime.modelFile.flatMap(quantization(in:))
            return ServerInfo(runtime: runtime)
        }
    }

    /// A quantization named in a model file's name, as GGUF files are named: `…-Q4_K_M.gguf`, `…-IQ3_XS`, `…-F16`.
    static func quantization(in name: String) -> String? {
        let stem = name.uppercased()
        let parts = stem.split(whereSeparator: { "-.".contains($0) || $0 == "/" })
        for part in parts.reversed() {
            let text = String(part)
            if text.range(of: #"^(I?Q[0-9](_[A-Z0-9]+)*|F16|BF16|F32)$"#, options: .regularExpression) != nil { return text }
        }
        return nil
    }

    private static func post(_ path: String, _ body: [String: Any], endpoint: Endpoint, client: HTTPClient) async -> [String: Any]? {
        var request = HTTPClientRequest(url: endpoint.base + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: Array((try? JSONSerialization.data(withJSONObject: body)) ?? Data())))
        guard let response = try? await client.execute(request, timeout: .seconds(5)), response.status.code == 200,
            let data = try? await response.body.collect(upTo: 16 * 1024 * 1024)
        else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(data.readableBytesView))) as? [String: Any]
    }
}
