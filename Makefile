# teachback — build, run and test. `make run` and `make test` install what is missing first.
SHELL := /bin/bash
export PATH := /opt/swift/usr/bin:$(PATH)

PACKAGES := liblua5.4-dev libedit-dev libcurl4-openssl-dev
# The tests also use the sqlite3 command, as another process holding the database's lock, and
# headless Chromium, which loads a generated report (without it that test is skipped).
TEST_PACKAGES := sqlite3 chromium
# PyPI's reference MCP client, for the end-to-end tests of `teachback mcp` (pinned).
MCP_VENV := .build/mcp-venv
MCP_CLIENT := mcp==2.3.0
PREFIX ?= /usr/local
# Release builds link the Swift runtime and Foundation statically: start-up drops from about
# 45 to 30 ms and resident memory by about 6 MB (no dynamic symbol resolution, no unused
# library pages), at the cost of a larger binary.
RELEASE := swift build -c release --static-swift-stdlib

.PHONY: setup test-setup install-packages mcp-client build run test release install clean sanitize fuzz soak bench

## setup: install the Debian packages teachback links against (apt-get; sudo when not root)
setup:
	@$(MAKE) --no-print-directory install-packages WANTED="$(PACKAGES)"

test-setup:
	@$(MAKE) --no-print-directory install-packages WANTED="$(PACKAGES) $(TEST_PACKAGES)"
	@$(MAKE) --no-print-directory mcp-client

## mcp-client: the reference MCP client in a virtual environment; without it those tests skip
mcp-client:
	@$(MCP_VENV)/bin/python -c "import mcp, jsonschema" 2>/dev/null || { \
	  echo "installing $(MCP_CLIENT) into $(MCP_VENV)"; \
	  python3 -m venv $(MCP_VENV) && $(MCP_VENV)/bin/pip install -q --disable-pip-version-check "$(MCP_CLIENT)" \
	  || echo "warning: could not install $(MCP_CLIENT); the MCP client tests will be skipped"; }

install-packages:
	@missing=$$(for p in $(WANTED); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
	missing=$$(echo $$missing); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "installing: $$missing"; \
	if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	elif command -v sudo >/dev/null 2>&1 && sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; then :; \
	else echo "Cannot install packages here. Run this, then try again:"; echo "  sudo apt-get install -y $$missing"; exit 1; fi

build: setup
	swift build

## run: the release build, as installed (a first build takes 3–4 minutes on 2 cores, later
## ones seconds; it starts in about half the debug build's time)
run: setup
	$(RELEASE) --product teachback
	.build/release/teachback $(ARGS)

# Serial, so the generous timing bounds of the concurrency tests are never starved of CPU by
# heavy tests running beside them on a 2-core machine.
test: test-setup
	swift build
	swift test --no-parallel

release: setup
	$(RELEASE)

## install: the binary, the built-in scripts (<prefix>/share/teachback) and bash/zsh/fish completions
install: release
	install -d $(PREFIX)/bin $(PREFIX)/share/teachback
	install -m 0755 .build/release/teachback $(PREFIX)/bin/teachback
	cp -R modes plugins $(PREFIX)/share/teachback/
	install -d $(PREFIX)/share/bash-completion/completions $(PREFIX)/share/zsh/site-functions $(PREFIX)/share/fish/vendor_completions.d
	.build/release/teachback --generate-completion-script bash > $(PREFIX)/share/bash-completion/completions/teachback
	.build/release/teachback --generate-completion-script zsh > $(PREFIX)/share/zsh/site-functions/_teachback
	.build/release/teachback --generate-completion-script fish > $(PREFIX)/share/fish/vendor_completions.d/teachback.fish

## sanitize: the test suite under ThreadSanitizer, then AddressSanitizer (separate build folders)
sanitize: setup
	swift build --build-tests --sanitize=thread --scratch-path .build-tsan
	swift test --no-parallel --sanitize=thread --scratch-path .build-tsan
	swift build --build-tests --sanitize=address --scratch-path .build-asan
	# Leak checking is off: LeakSanitizer's reports here are ~9 KB left by the XCTest harness and
	# test fixtures at exit; leaks are judged by `make soak` (memory per turn) instead.
	ASAN_OPTIONS=detect_leaks=0 swift test --no-parallel --sanitize=address --scratch-path .build-asan

## bench: release build, then the benchmarks (Benchmarks/README.md): a Markdown table on stdout,
## every number in bench/results.json. About 2 minutes after the build.
bench: setup
	$(RELEASE)
	.build/release/Benchmarks

## soak: 500 turns against fake-claude failing 30 % of calls; prints descriptors, threads, memory
soak: setup
	$(RELEASE) --product Soak
	.build/release/Soak 500

## fuzz: libFuzzer targets (Fuzz/README.md), FUZZ_SECONDS each; crashes are kept in Fuzz/regressions/
FUZZ_SECONDS ?= 60
fuzz: setup
	@{ Fuzz/build.sh 2>&1; } | grep -v "Cannot export local symbol"; test $${PIPESTATUS[0]} -eq 0
	@for t in sse input lua match; do \
	  work=$$(mktemp -d); mkdir -p Fuzz/regressions/$$t; \
	  echo "fuzzing $$t for $(FUZZ_SECONDS) s"; \
	  .build-fuzz/fuzz-$$t -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 -print_final_stats=1 \
	    -artifact_prefix=Fuzz/regressions/$$t/ $$work Fuzz/corpus/$$t 2>&1 | grep -E "^(Done|stat::number_of_executed_units|==.*ERROR|SUMMARY)" ; \
	  rm -rf $$work; \
	done

clean:
	swift package clean
