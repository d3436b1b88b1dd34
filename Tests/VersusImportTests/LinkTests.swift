import Foundation
import Testing
import VersusCore
@testable import VersusImport

/// Provider files that are symbolic links, real ones or the one-line stand-ins a checkout without link support
/// leaves: followed inside the checkout, reported when broken, looping or leading out.
struct LinkTests {
    static func link(_ checkout: URL, _ path: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: checkout.appendingPathComponent(path).path, withDestinationPath: destination)
    }

    @Test func linksAreFollowedWithinTheCheckout() throws {
        let checkout = try ImportFixture.copy(ImportFixture.older)
        let models = "providers/router/models/"
        try Self.link(checkout, models + "real-link.toml", to: "../../alpha/models/alpha-one.toml")
        try Self.link(checkout, models + "real-broken.toml", to: "../../nowhere/models/x.toml")
        try Self.link(checkout, models + "escape.toml", to: "../../../../../../../../etc/hostname")
        try Self.link(checkout, models + "absolute.toml", to: "/etc/hostname")
        try Self.link(checkout, models + "loop-a.toml", to: "loop-b.toml")
        try Self.link(checkout, models + "loop-b.toml", to: "loop-a.toml")
        try Self.link(checkout, models + "to-stub.toml", to: "alpha-one-mirror.toml")
        try Self.link(checkout, models + "folder.toml", to: "../../alpha/models")
        let root = try ImportFixture.site()
        let result = try ImportFixture.run(checkout.path, into: root)
        let linkWarnings = result.warnings.map(\.description).filter {
            $0.hasPrefix("providers/router/models/") && $0.contains("link") || $0.contains("folder")
        }
        #expect(
            linkWarnings == [
                "providers/router/models/absolute.toml: warning: link to \"/etc/hostname\" points outside the checkout; skipped",
                "providers/router/models/dangling.toml: warning: broken link: \"../../zeta/models/missing.toml\" does not exist; skipped",
                "providers/router/models/escape.toml: warning: link to \"../../../../../../../../etc/hostname\" points outside the checkout; skipped",
                "providers/router/models/folder.toml: warning: links to a folder (providers/alpha/models); skipped",
                "providers/router/models/loop-a.toml: warning: links from here go round in a circle or on for more than 8 steps; skipped",
                "providers/router/models/loop-b.toml: warning: links from here go round in a circle or on for more than 8 steps; skipped",
                "providers/router/models/real-broken.toml: warning: broken link: \"../../nowhere/models/x.toml\" does not exist; skipped",
            ])
        #expect(result.stats.unreadable == 8)
        let catalog = try #require(ImportFixture.check(root).catalog)
        let model = try #require(catalog.model("alpha-one"))
        let routes = model.routes.filter { $0.provider == "router" }.compactMap { $0.modelID }
        // The real link, the stand-in, and a real link to the stand-in: each a route of the provider holding the link,
        // with the prices of the file it leads to.
        #expect(routes == ["alpha-one-mirror", "alpha/alpha-one", "real-link", "to-stub"])
        let mirrored = catalog.model("alpha-one")?.routes.first { $0.modelID == "to-stub" }
        #expect(mirrored?.input?.value == Decimal(string: "1.75"))
    }

    @Test func stubsAreRecognisedOnlyWhenTheyLookLikeOne() {
        #expect(CheckoutFiles.linkStub("../../alpha/models/x.toml\n") == "../../alpha/models/x.toml")
        #expect(CheckoutFiles.linkStub("name = \"x.toml\"") == nil)
        #expect(CheckoutFiles.linkStub("../a.toml\n../b.toml") == nil)
        #expect(
            CheckoutFiles.resolve("../../alpha/models/x.toml", from: "providers/router/models/y.toml") == "providers/alpha/models/x.toml")
        #expect(CheckoutFiles.resolve("../../../../x.toml", from: "providers/router/models/y.toml") == nil)
    }
}
