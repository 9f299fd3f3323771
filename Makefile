# The README's two commands: `make run` and `make test`.
SWIFT ?= swift
DATA ?= ./data
PORT ?= 8080

.PHONY: setup build run test clean-data

setup:
	@./scripts/setup.sh

build: setup
	$(SWIFT) build -c release --product ferry --static-swift-stdlib

## Build Ferry and start it with the embedded sandbox cluster and two demo apps.
run: build
	.build/release/ferry serve --demo --data $(DATA) --port $(PORT)

## Build and run the whole test suite.
test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --disable-xctest

clean-data:
	rm -rf $(DATA)
