/// Load and validate in one call: what `versus check` and every other command start with.
public enum CatalogCheck {
    public static func run(root: String, fileSystem: FileSystem = .local, today: ISODate = .today()) -> CatalogValidator.Result {
        let loaded = CatalogLoader(root: root, fileSystem: fileSystem).load()
        return CatalogValidator(today: today).validate(loaded)
    }
}
