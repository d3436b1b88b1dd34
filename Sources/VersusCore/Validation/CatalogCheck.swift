/// Load and validate in one call: what `versus check` and every other command start with.
public enum CatalogCheck {
    public static func run(
        root: String, content: String = CatalogLoader.contentFolder, fileSystem: FileSystem = .local,
        today: ISODate = .today(), cache: ParseCache? = nil
    ) -> CatalogValidator.Result {
        let loaded = CatalogLoader(root: root, content: content, fileSystem: fileSystem, cache: cache).load()
        PhaseLog.mark("load")
        return CatalogValidator(today: today).validate(loaded)
    }
}
