import Testing
@testable import KTP

@Suite struct ReferenceIDTests {
    @Test func generatedIDsAreValidAndDistinct() {
        let ids = (0..<100).map { _ in ReferenceID.generate() }
        #expect(ids.allSatisfy(ReferenceID.isValid))
        #expect(Set(ids).count == 100)
    }

    @Test func validityFollowsTheContract() {
        #expect(ReferenceID.isValid("abc-12"))
        #expect(!ReferenceID.isValid("abc12"))
        #expect(!ReferenceID.isValid(String(repeating: "a", count: 65)))
        #expect(!ReferenceID.isValid("abc 123"))
        #expect(ReferenceID.isValid("a.b:c_d-1"))
    }

    @Test func reprocessingNamesCountFromTheRoot() {
        #expect(ReferenceID.reprocessing("order-77", number: 1) == "order-77-r1")
        #expect(ReferenceID.reprocessing("order-77-r1", number: 2) == "order-77-r2")
        #expect(ReferenceID.root(of: "order-r-rx") == "order-r-rx")
        #expect(ReferenceID.root(of: "order-r12") == "order")
    }
}
