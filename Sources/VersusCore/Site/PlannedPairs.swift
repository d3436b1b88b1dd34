import Foundation

/// The pair pages of this process's last plan (`versus serve`, kept in a `Remembered`), with what their fingerprints
/// were made from. A pair page's fingerprint depends only on the pair template's part (`PageInputs.pairBase`), each
/// model's side (`PageInputs.sides`) and the pair's editorial; when the site has the same pairs, the same pair
/// template part and the same editorials as last time, a pair whose two sides are unchanged keeps its planned page,
/// and only the pairs of the models that changed are fingerprinted again.
public struct PlannedPairs: Sendable {
    var pairs: [PairID]
    var pairBase: Fingerprint
    var sides: [String: Fingerprint]
    var editorials: [PairID: Editorial]
    var pages: [PlannedPage]
}
