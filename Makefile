# ktp: build, test and demo targets. Every target installs the Debian packages it needs first.
SHELL := /bin/bash
APT_PACKAGES := libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng \
	libcairo2-dev fonts-liberation2 fonts-dejavu-core fonts-freefont-ttf fonts-urw-base35 fonts-ocr-a \
	libncurses-dev libsqlite3-dev pkg-config tmux postgresql
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
REGIONS ?= $(abspath ../shared/data/wilayah.csv)
SWIFT_FLAGS ?=
BIN_DEBUG = .build/debug/ktp
BIN_RELEASE = .build/release/ktp
BENCH_DIR ?= /tmp/ktp-bench
BENCH_COUNT ?= 150
BENCH_SEED ?= 20261121

## The OCR runtime: OpenVINO's C library and the PP-OCR models, from two PyPI wheels unpacked into .deps/.
## Nothing from them runs under Python: the engine links OpenVINO's C API and reads the ONNX files itself.
PIP ?= python3 -m pip
OPENVINO_VERSION := 2026.4.1
RAPIDOCR_VERSION := 3.10.0
DEPS := $(abspath .deps)
OCR_STAMP := $(DEPS)/python/.openvino-$(OPENVINO_VERSION)-rapidocr-$(RAPIDOCR_VERSION)
OPENVINO_PC := $(DEPS)/pkgconfig/openvino_c.pc
export PKG_CONFIG_PATH := $(DEPS)/pkgconfig$(if $(PKG_CONFIG_PATH),:$(PKG_CONFIG_PATH))

.PHONY: deps ocr-runtime build release test demo extract bench dashboard-bench fixtures clean clean-deps

## Install the missing Debian packages (apt-get, as root or through sudo).
deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
		| grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing: $$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

## The wheels' files, the unversioned `libopenvino_c.so` the linker asks for, `openvino_c.pc` for SwiftPM, and
## `.deps/models`, the default model folder (`KTP_MODELS` overrides it). Quick when already done. The wheels are
## taken for one fixed tag, whatever the local Python: only their C libraries and ONNX files are used.
ocr-runtime: $(OPENVINO_PC)

$(OCR_STAMP):
	rm -rf $(DEPS)/python
	@$(PIP) --version >/dev/null 2>&1 || { echo "installing python3-pip"; $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends python3-pip; }
	PIP_ROOT_USER_ACTION=ignore $(PIP) install --quiet --no-deps --only-binary=:all: --disable-pip-version-check \
		--no-warn-script-location --no-compile --python-version 3.11 --platform manylinux_2_28_x86_64 \
		--target $(DEPS)/python openvino==$(OPENVINO_VERSION) rapidocr==$(RAPIDOCR_VERSION)
	touch $@

$(OPENVINO_PC): $(OCR_STAMP)
	cd $(DEPS)/python/openvino/libs && ln -sfn $$(ls libopenvino_c.so.* | head -n 1) libopenvino_c.so
	ln -sfn python/rapidocr/models $(DEPS)/models
	mkdir -p $(DEPS)/pkgconfig
	printf '%s\n' 'prefix=$(DEPS)/python/openvino' 'Name: openvino_c' \
		'Description: OpenVINO C API, from the openvino wheel' 'Version: $(OPENVINO_VERSION)' \
		'Cflags: -I$${prefix}/include' 'Libs: -L$${prefix}/libs -lopenvino_c' > $@.tmp
	mv $@.tmp $@

build: deps ocr-runtime
	swift build $(SWIFT_FLAGS)

release: deps ocr-runtime
	swift build -c release $(SWIFT_FLAGS)

## The tests: every stage of the engine (real Tesseract on the committed fixtures) and the service
## on loopback, including a `ktp serve` killed and restarted; `ktp` is built first for that one. The store
## suite also runs on a PostgreSQL server that the tests start themselves (Debian's postgresql package).
test: deps ocr-runtime
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

## The OCR runtime too: the next build downloads it again.
clean-deps:
	rm -rf .deps
