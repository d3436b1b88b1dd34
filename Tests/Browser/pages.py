"""The page types of the site, one address each on the bundled catalog (with the changes report conftest adds)."""
PAGES = {
    "home": "/",
    "pair": "/compare/claude-haiku-4-5-vs-claude-sonnet-4-6/",
    "pair-editorial": "/compare/claude-opus-4-6-vs-qwen3-5-397b-a17b/",
    "model": "/models/claude-sonnet-4-6/",
    "benchmarks": "/benchmarks/",
    "benchmark": "/benchmarks/mmlu-pro/",
    "changes": "/changes/",
    "not-found": "/no-such-page/",
}
