import Foundation
import PackagePlugin

/// Writes `BuildCommit.swift` into the `versus` target before each build: the git commit the package was built from
/// (with `-modified` when tracked files differ from it), or none for a copy without git, such as a release tarball.
/// The file is rewritten only when its text changes, so an unchanged checkout recompiles nothing.
@main
struct BuildCommit: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.pluginWorkDirectoryURL.appending(path: "Generated")
        let script = """
            set -u
            root="$1"; folder="$2"; file="$folder/BuildCommit.swift"
            mkdir -p "$folder"
            commit=""
            if command -v git >/dev/null 2>&1 && [ -e "$root/.git" ]; then
                commit="$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null || true)"
                if [ -n "$commit" ] && ! git -C "$root" diff --quiet HEAD -- 2>/dev/null; then commit="$commit-modified"; fi
            fi
            if [ -n "$commit" ]; then value="\\"$commit\\""; else value="nil"; fi
            text="// Written by the BuildCommit plugin before each build.
            enum BuildCommit {
                static let commit: String? = $value
            }"
            if [ "$(cat "$file" 2>/dev/null)" != "$text" ]; then printf '%s\\n' "$text" > "$file"; fi
            """
        return [
            .prebuildCommand(
                displayName: "Recording the git commit of the build",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", script, "sh", context.package.directoryURL.path, folder.path],
                outputFilesDirectory: folder)
        ]
    }
}
