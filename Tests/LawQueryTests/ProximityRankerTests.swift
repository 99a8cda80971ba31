import LawQuery
import Testing

@Suite struct ProximityRankerTests {
    let ranker = ProximityRanker()

    @Test func adjacentTermsAtTheStartGetTheLargestBoost() {
        let groups = [["查封"], ["扣押"], ["期限"]]
        let early = ranker.boost(text: "第二十五条 查封、扣押的期限不得超过三十日", groups: groups)
        let late = ranker.boost(
            text: "第二十八条 有下列情形之一的，行政机关应当及时作出解除决定：（一）当事人没有违法行为；（四）查封、扣押期限已经届满；",
            groups: groups)
        let apart = ranker.boost(
            text: "第二十七条 行政机关采取查封、扣押措施后，应当及时查清事实，在本法第二十五条规定的期限内作出处理决定。",
            groups: groups)
        #expect(early > late)
        #expect(early > apart)
        #expect(early <= 1 + ranker.weights.proximityWeight + ranker.weights.earlinessWeight)
    }

    @Test func missingTermsLeaveTheScoreAlone() {
        #expect(ranker.boost(text: "行政处罚", groups: [["听证"]]) == 1)
        #expect(ranker.boost(text: "", groups: [["听证"]]) == 1)
    }

    @Test func alternativesCountAsOneTerm() {
        let boost = ranker.boost(text: "当事人要求听证的", groups: [["陈述", "听证"]])
        #expect(boost > 1)
    }
}
