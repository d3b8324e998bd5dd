// The SDK speaks the contract's types in its API, so `import KTP` alone must be enough for a caller;
// re-exporting is how swift-nio's umbrella modules do the same.
@_exported import KTPContract
