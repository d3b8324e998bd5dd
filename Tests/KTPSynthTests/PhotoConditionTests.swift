import KTPContract
import Testing
import KTPSynth

@Suite struct PhotoConditionTests {
    @Test func standardCodesParseToTheirFlags() throws {
        #expect(PhotoCondition.standard.map(\.code) == ["clean", "B", "D", "F", "G", "BD", "BF", "BG", "DG", "FG"])
        #expect(try PhotoCondition(code: "clean").quality == ImageQuality())
        #expect(try PhotoCondition(code: "BF").quality == ImageQuality(blur: true, flashlight: true))
    }

    @Test(arguments: ["", "DB", "X", "BB", "Clean", "b"])
    func nonCanonicalCodesAreRejected(_ code: String) {
        #expect(throws: SynthError.self) { try PhotoCondition(code: code) }
    }
}
