#if os(Linux) && canImport(Glibc)
    import Foundation
    import Glibc
    import Synchronization

    /// The Linux watcher: one inotify instance with a watch on every folder under the watched ones, read on a thread of
    /// its own that sleeps in `poll` until the kernel has events, so an idle server costs no CPU.
    enum InotifyWatch {
        /// What a folder's watch reports: a file written (in pieces, or closed after writing), its attributes changed
        /// (`touch`), an entry created, deleted or renamed in or out, the folder itself removed or moved.
        static let mask = UInt32(
            IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

        /// Watches `folders` and everything under them from now on, delivering batches until the returned function is
        /// called; nil when inotify cannot be had (no instance left, or too few watches allowed), so the caller polls.
        static func start(
            folders: [String], settle: Duration, settleClosed: Duration, longest: Duration,
            deliver: @escaping @Sendable (ChangeBatch) -> Void
        ) -> (@Sendable () -> Void)? {
            let fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
            guard fd >= 0 else {
                warn("inotify is not available (\(String(cString: strerror(errno)))); watching by polling instead")
                return nil
            }
            var tree = Tree(fd: fd)
            var existing = Set<String>()
            for folder in folders {
                guard tree.add(folder, found: &existing) else {
                    warn(
                        "cannot watch \(folder) with inotify (\(String(cString: strerror(errno)))); raising fs.inotify.max_user_watches helps); watching by polling instead"
                    )
                    close(fd)
                    return nil
                }
            }
            guard let wake = WakePipe() else {
                close(fd)
                return nil
            }
            let watched = tree
            let thread = Thread {
                var tree = watched
                run(&tree, wake: wake, settle: settle, settleClosed: settleClosed, longest: longest, deliver: deliver)
                close(tree.fd)
                wake.closeReadEnd()
            }
            thread.name = "versus serve: watcher"
            thread.start()
            return { wake.wake() }
        }

        /// Reads events until woken, gathering them into batches: one is delivered once nothing has happened for
        /// `settleClosed` with every written file closed, or for `settle` with one still open for writing.
        static func run(
            _ tree: inout Tree, wake: WakePipe, settle: Duration, settleClosed: Duration, longest: Duration,
            deliver: @Sendable (ChangeBatch) -> Void
        ) {
            let clock = ContinuousClock()
            var batch = ChangeBatch()
            var started: ContinuousClock.Instant?
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: MemoryLayout<inotify_event>.alignment)
            defer { buffer.deallocate() }
            while true {
                var timeout: Int32 = -1
                if let started {
                    let left = min(tree.writing.isEmpty ? settleClosed : settle, longest - (clock.now - started))
                    timeout = max(0, Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
                }
                var fds = [
                    pollfd(fd: tree.fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.readEnd, events: Int16(POLLIN), revents: 0),
                ]
                let ready = poll(&fds, 2, timeout)
                if ready < 0 {
                    if errno == EINTR { continue }
                    warn("the watcher stopped: poll failed (\(String(cString: strerror(errno))))")
                    return
                }
                if fds[1].revents != 0 { return }
                if fds[0].revents & Int16(POLLIN) != 0 {
                    while true {
                        let count = read(tree.fd, buffer.baseAddress, buffer.count)
                        if count <= 0 { break }
                        tree.handle(UnsafeRawBufferPointer(rebasing: buffer[0..<count]), into: &batch)
                    }
                    if started == nil, !batch.isEmpty { started = clock.now }
                }
                if let first = started, ready == 0 || clock.now - first >= longest {
                    deliver(batch)
                    batch = ChangeBatch()
                    started = nil
                }
            }
        }

        static func warn(_ message: String) {
            FileHandle.standardError.write(Data("serve: \(message)\n".utf8))
        }

        /// The watched folders by watch descriptor; belongs to the reading thread.
        struct Tree {
            let fd: Int32
            var folders: [Int32: String] = [:]
            /// Files created or written and not yet closed: a save still under way.
            var writing = Set<String>()

            /// Watches `folder` and every folder under it, adding the files found in them to `found` (a folder that
            /// appears may already hold files: a `git checkout`, `mkdir -p` and a save, a folder moved in). False when a
            /// watch could not be added to a folder that exists.
            mutating func add(_ folder: String, found: inout Set<String>) -> Bool {
                let wd = inotify_add_watch(fd, folder, InotifyWatch.mask)
                guard wd >= 0 else { return errno == ENOENT || errno == ENOTDIR }
                folders[wd] = folder
                guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return true }
                var ok = true
                for name in entries where !SiteWatcher.isIgnored(name) {
                    let path = folder + "/" + name
                    var isFolder: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
                    if isFolder.boolValue {
                        ok = add(path, found: &found) && ok
                    } else {
                        found.insert(path)
                    }
                }
                return ok
            }

            /// Stops watching `folder` and everything under it (it was moved away; a removed folder's watches end by
            /// themselves).
            mutating func forget(_ folder: String) {
                for (wd, path) in folders where path == folder || path.hasPrefix(folder + "/") {
                    inotify_rm_watch(fd, wd)
                    folders[wd] = nil
                }
                writing = writing.filter { !$0.hasPrefix(folder + "/") }
            }

            /// Adds the changes that `events` (as read from the inotify descriptor) report to `batch`.
            mutating func handle(_ events: UnsafeRawBufferPointer, into batch: inout ChangeBatch) {
                let header = MemoryLayout<inotify_event>.size
                var offset = 0
                while offset + header <= events.count {
                    let wd = events.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = events.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(events.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = events[(offset + header)..<min(events.count, offset + header + length)]
                    let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                    offset += header + length
                    handle(wd: wd, mask: mask, name: name, into: &batch)
                }
            }

            mutating func handle(wd: Int32, mask: UInt32, name: String, into batch: inout ChangeBatch) {
                func has(_ flag: Int32) -> Bool { mask & UInt32(flag) != 0 }
                if has(IN_Q_OVERFLOW) {
                    batch.everything = true
                    writing.removeAll()  // their closing may be among the events lost
                    return
                }
                guard let folder = folders[wd] else { return }
                if has(IN_IGNORED) {
                    folders[wd] = nil  // the folder was removed (its parent reports that) or its watch taken off
                    return
                }
                guard !name.isEmpty else { return }  // about the watched folder itself: its parent's watch reports it
                guard !SiteWatcher.isIgnored(name) else { return }
                let path = folder + "/" + name
                if has(IN_ISDIR) {
                    if has(IN_ATTRIB) { return }
                    if has(IN_MOVED_FROM) || has(IN_DELETE) { forget(path) }
                    if has(IN_CREATE) || has(IN_MOVED_TO) {
                        var found = Set<String>()
                        if !add(path, found: &found) {
                            InotifyWatch.warn(
                                "cannot watch \(path) with inotify (\(String(cString: strerror(errno)))); edits under it may go unseen")
                        }
                        batch.paths.formUnion(found)
                    }
                } else if has(IN_CLOSE_WRITE) || has(IN_DELETE) || has(IN_MOVED_FROM) || has(IN_MOVED_TO) {
                    writing.remove(path)
                } else if has(IN_CREATE) || has(IN_MODIFY) {
                    writing.insert(path)
                }
                batch.paths.insert(path)
            }
        }
    }

    /// Wakes the watcher's thread from `poll` to stop it: closing the write end makes the read end readable (end of
    /// file). Whichever of the two sides comes last, nothing is written to or closed twice.
    final class WakePipe: Sendable {
        let readEnd: Int32
        private let writeEnd: Mutex<Int32>

        init?() {
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else { return nil }
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            readEnd = ends[0]
            writeEnd = Mutex(ends[1])
        }

        func wake() {
            writeEnd.withLock { end in
                if end >= 0 { close(end) }
                end = -1
            }
        }

        /// Called by the thread as it ends, after which `wake` does nothing more.
        func closeReadEnd() {
            wake()
            close(readEnd)
        }
    }
#endif
