# teachback — build, run and test. `make run` and `make test` install what is missing first.
SHELL := /bin/bash
export PATH := /opt/swift/usr/bin:$(PATH)

PACKAGES := liblua5.4-dev libedit-dev libcurl4-openssl-dev
PREFIX ?= /usr/local

.PHONY: setup build run test release install clean

## setup: install the Debian packages teachback links against (apt-get; sudo when not root)
setup:
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
	missing=$$(echo $$missing); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "installing: $$missing"; \
	if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	elif command -v sudo >/dev/null 2>&1 && sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; then :; \
	else echo "Cannot install packages here. Run this, then try again:"; echo "  sudo apt-get install -y $$missing"; exit 1; fi

build: setup
	swift build

run: build
	.build/debug/teachback $(ARGS)

# Serial, so the generous timing bounds of the concurrency tests are never starved of CPU by
# heavy tests running beside them on a 2-core machine.
test: setup
	swift build
	swift test --no-parallel

release: setup
	swift build -c release

## install: the binary and the built-in scripts, laid out as <prefix>/bin and <prefix>/share/teachback
install: release
	install -d $(PREFIX)/bin $(PREFIX)/share/teachback
	install -m 0755 .build/release/teachback $(PREFIX)/bin/teachback
	cp -R modes plugins $(PREFIX)/share/teachback/

clean:
	swift package clean
