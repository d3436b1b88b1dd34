import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Swaps two paths in one atomic step (Linux `renameat2(RENAME_EXCHANGE)`, macOS `renamex_np(RENAME_SWAP)`): each
/// name then names the other's file. A reader of either name sees one whole file or the other, never neither.
enum FileExchange {
    /// Exchanges `first` and `second`; false (with `errno` set) when they cannot be exchanged: one is missing, they
    /// are on different file systems, or the file system or C library cannot exchange (then rename instead).
    static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
            guard let call = renameat2 else {
                errno = ENOSYS
                return false
            }
            return call(AT_FDCWD, first, AT_FDCWD, second, exchangeFlag) == 0
        #elseif canImport(Darwin)
            return renamex_np(first, second, UInt32(RENAME_SWAP)) == 0
        #else
            errno = ENOSYS
            return false
        #endif
    }

    #if os(Linux)
        private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        /// `RENAME_EXCHANGE` of `<linux/fs.h>`, which Swift's Glibc module does not import.
        private static let exchangeFlag: UInt32 = 2
        /// Looked up at run time: Swift's Glibc module does not declare `renameat2` (glibc has it since 2.28).
        private static let renameat2: RenameAt2? = {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
            return unsafeBitCast(symbol, to: RenameAt2.self)
        }()
    #endif
}
