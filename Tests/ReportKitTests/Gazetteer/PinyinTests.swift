import ReportKit
import Testing

@Suite struct PinyinTests {
    @Test func readsSyllables() {
        #expect(Pinyin.syllables("兴庆区") == ["xing", "qing", "qu"])
        #expect(Pinyin.syllables("六安市") == ["lu", "an", "shi"])
        #expect(Pinyin.syllables("六安经济开发区管委会") == ["lu", "an", "jing", "ji", "kai", "fa", "qu", "guan", "wei", "hui"])
        #expect(Pinyin.syllables("六安") == ["lu", "an"])
        #expect(Pinyin.syllables("蚌埠市") == ["beng", "bu", "shi"])
        #expect(Pinyin.syllables("Web 2.0") == ["web", "2", "0"])
    }

    @Test func makesASCIISlugs() {
        #expect(Pinyin.slug("兴庆区") == "xingqingqu")
        #expect(Pinyin.slug("宁夏回族自治区") == "ningxiahuizuzizhiqu")
        #expect(Pinyin.slug("2023年 报告") == "2023nian-baogao")
        #expect(Pinyin.slug("天津经济技术开发区（其他片区）") == "tianjinjingjijishukaifaqu-qitapianqu")
        #expect(Pinyin.slug("  ") == "")
    }

    @Test func unknownCharactersFallBackToStableASCII() {
        #expect(Pinyin.slug("😀镇") == "zhen")  // a symbol separates, like punctuation
        #expect(Pinyin.slug("ꙮ") == "ua66e")
    }

    @Test func readsInitials() {
        #expect(Pinyin.initials("兴庆区") == "xqq")
        #expect(Pinyin.initials("掌政镇") == "zzz")
    }
}
