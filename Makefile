# ktp: build, test and demo targets. Every target installs the Debian packages it needs first.
SHELL := /bin/bash
APT_PACKAGES := libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng \
	libcairo2-dev fonts-liberation2 libncurses-dev libsqlite3-dev pkg-config tmux
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
REGIONS ?= $(abspath ../shared/data/wilayah.csv)
SWIFT_FLAGS ?=
BIN_DEBUG = .build/debug/ktp
BIN_RELEASE = .build/release/ktp
BENCH_DIR ?= /tmp/ktp-bench
BENCH_COUNT ?= 150
BENCH_SEED ?= 20261121

.PHONY: deps build release test demo extract bench dashboard-bench fixtures clean

## Install the missing Debian packages (apt-get, as root or through sudo).
deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
		| grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing: $$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	swift build $(SWIFT_FLAGS)

release: deps
	swift build -c release $(SWIFT_FLAGS)

## The tests: every stage of the engine (real Tesseract on the committed fixtures) and the service
## on loopback, including a `ktp serve` killed and restarted; `ktp` is built first for that one.
test: deps
	swift build --build-tests $(SWIFT_FLAGS)
	KTP_REGIONS=$(REGIONS) swift test --skip-build $(SWIFT_FLAGS)

## The main job: the embedded service and the dashboard, with the bundled SPESIMEN photos sent to it.
demo: build
	KTP_REGIONS=$(REGIONS) $(BIN_DEBUG) demo --photos Tests/KTPVisionTests/Fixtures

## Read one bundled SPESIMEN photo without a service and print its card, then its JSON.
extract: build
	KTP_REGIONS=$(REGIONS) $(BIN_DEBUG) extract Tests/KTPVisionTests/Fixtures/0001-ktp-clean.jpg
	KTP_REGIONS=$(REGIONS) $(BIN_DEBUG) extract Tests/KTPVisionTests/Fixtures/0001-ktp-clean.jpg --json

## The accuracy and speed benchmark on a freshly generated set (release build).
bench: release
	$(BIN_RELEASE) generate --out $(BENCH_DIR) --count $(BENCH_COUNT) --seed $(BENCH_SEED) --regions $(REGIONS)
	$(BIN_RELEASE) bench --images $(BENCH_DIR) --truth $(BENCH_DIR)/truth.jsonl --regions $(REGIONS)

## The dashboard on a ledger of 100,000 submissions: first paint, keystroke, frame, memory (release build).
dashboard-bench: release
	$(BIN_RELEASE) dashboard-bench --rows 100000

## Regenerate the committed test fixtures.
fixtures: build
	tools/make-fixtures.sh $(BIN_DEBUG) $(REGIONS)

clean:
	rm -rf .build
