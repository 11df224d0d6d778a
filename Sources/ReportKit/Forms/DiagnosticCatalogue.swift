// Every diagnostic code nianbao raises, as data: its severity and what it means for a reader,
// in plain Chinese. The docs (`docs/forms.md`) list it; a test reads every code raised in
// `Sources/` and fails when one is missing here, so a new code cannot ship unexplained.
// The arithmetic codes name no identity here: the forms' identities carry the code they raise,
// and `identities(for:)` finds them, so the wording lives in one place.

/// What one diagnostic code means.
public struct DiagnosticEntry: Sendable, Hashable {
    public let code: Diagnostic.Code
    /// The severities it is raised with, the usual first (`cell.joined` is a warning where the
    /// cells are lost, a note where the arithmetic split them for certain).
    public let severities: [Diagnostic.Severity]
    /// What it means, for a citizen reading the page.
    public let meaning: String

    public init(_ code: Diagnostic.Code, _ severities: [Diagnostic.Severity], _ meaning: String) {
        self.code = code
        self.severities = severities
        self.meaning = meaning
    }
}

/// The catalogue of codes, grouped by namespace.
public enum DiagnosticCatalogue {
    public static let entries: [DiagnosticEntry] = [
        // The report as a whole.
        DiagnosticEntry("report.noYear", [.error], "报告没有写明所属年度，无法归入年份。"),
        DiagnosticEntry("report.noBody", [.warning], "报告没有写明由哪个机关发布。"),
        DiagnosticEntry("report.yearTypo", [.info], "报告标题中的年份有误（如“202020年”），按统计期限中的年份归入。"),
        DiagnosticEntry("report.bodyFromProse", [.info], "报告没有标题中的机关名称，也没有落款，发布机关按正文中的说法（如“本报告由…编制”）确定。"),
        DiagnosticEntry("report.noTables", [.info], "报告只有文字，没有统计表格（2019 年以前的报告常见）。"),
        DiagnosticEntry("report.tablesNotRead", [.info], "报告有统计表格，但排版无法可靠读取，表格留空，请查看原文。"),
        DiagnosticEntry("report.tableUnreadable", [.warning], "这张表的数字顺序无法确定，没有读取，请查看原文。"),
        DiagnosticEntry("report.duplicate", [.warning], "同一机关同一年度有不止一份报告文件；都已发布，按文件路径排列。"),
        DiagnosticEntry("report.repeated", [.warning, .error, .info], "同一种问题在这份报告中出现太多次，只列出前 50 条，其余的只计数。"),
        // Reading the tables: problems of the text, not of the report's arithmetic.
        DiagnosticEntry("row.unknown", [.warning], "表格中有一行的名称不是官方表格中的任何一行，这一行的数字没有读取。"),
        DiagnosticEntry("cell.empty", [.warning], "表格中这些格子没有填写数字；页面显示为“—”，不当作 0。"),
        DiagnosticEntry("cell.unreadable", [.warning], "表格中这些格子写的不是数字，无法读取；页面显示为“—”。"),
        DiagnosticEntry("cell.joined", [.warning, .info], "一行中的数字连在一起，没有分隔；能按合计唯一拆开时拆开，否则留空。"),
        DiagnosticEntry("active.cellCount", [.warning], "表二这一行的数字个数与官方表格的列数不符。"),
        DiagnosticEntry("table.layout", [.info], "表格各行的数字个数相同但与官方表格不符，是排版（合并的表头、空列、小计列）所致，按一致的列位置读取，不是报告数字有误。"),
        DiagnosticEntry("applications.cellCount", [.warning], "表三这一行的数字个数不是 7 个；只有能由合计唯一确定的格子才填入。"),
        DiagnosticEntry("review.cellCount", [.warning], "表四的数字个数不是 15 个，无法确定各格，全部留空。"),
        // The report's own arithmetic (勾稽关系): see the forms' identities.
        DiagnosticEntry("applications.rowTotal", [.warning], "表三这一行的“总计”与各类申请人的数字加起来不相等。"),
        DiagnosticEntry("applications.resultsTotal", [.warning], "表三“（七）总计”与各项办理结果加起来不相等。"),
        DiagnosticEntry("applications.balance", [.warning], "表三新收加上年结转的申请数，与办理完毕加结转下年度的数不相等。"),
        DiagnosticEntry("review.groupTotal", [.warning], "表四中行政复议或行政诉讼的“总计”与各项结果加起来不相等。"),
        DiagnosticEntry("legacy.activeBreakdown", [.warning], "统计表中“其中”一项的数字比主动公开政府信息总数还大。"),
        DiagnosticEntry("legacy.channels", [.warning], "统计表中收到申请数与各种渠道的申请数加起来不相等。"),
        DiagnosticEntry("legacy.ambiguousCell", [.warning], "统计表中本年数与累计数连在一起，无法确定本年数，留空。"),
        DiagnosticEntry("legacy.splitByProse", [.info], "统计表中本年数与累计数连在一起，按正文所写的数字拆开。"),
        // The prose against the tables.
        DiagnosticEntry("applications.prose", [.warning], "正文写的申请数与表三的数字不一致。"),
        DiagnosticEntry("review.prose", [.warning], "正文写的行政复议或行政诉讼数与表四的数字不一致。"),
        DiagnosticEntry("legacy.prose", [.warning], "正文写的主动公开信息数与统计表的数字不一致。"),
        // Across years (one body's consecutive reports).
        DiagnosticEntry("portal.carryOver", [.warning], "今年报告的“上年结转”与上一年报告的“结转下年度”不相等。"),
        DiagnosticEntry("portal.inForce", [.warning], "今年的现行有效文件数，与上一年的现行有效数加今年制发、减今年废止的数不相等。"),
        // Where the report belongs.
        DiagnosticEntry("region.ambiguous", [.info], "报告提到的地名可指多个地方，无法确定是哪一个。"),
        DiagnosticEntry("region.unresolved", [.warning], "无法从报告中确定它属于哪个地方。"),
        // The file and the publisher's front matter.
        DiagnosticEntry("text.encoding", [.info], "文件不是 UTF-8 编码，已按所注明的编码读取。"),
        DiagnosticEntry("text.undecodable", [.warning], "文件中有些字节无法识别为文字，显示为 �。"),
        DiagnosticEntry("text.unknownEncoding", [.error], "文件的文字编码无法识别（不是中文报告所用的编码），没有生成页面。"),
        DiagnosticEntry("file.empty", [.error], "文件是空的，没有生成页面。"),
        DiagnosticEntry("file.binary", [.error], "文件不是文字、网页、Word 或 PDF，没有生成页面。"),
        DiagnosticEntry("file.unreadable", [.error, .warning], "文件或文件夹无法读取，没有生成页面。"),
        DiagnosticEntry("file.legacyWord", [.error], "文件是旧版 Word（.doc）或 WPS 格式，需另存为 .docx 或 PDF 后才能读取。"),
        DiagnosticEntry("file.notWord", [.error], "文件是压缩包，但不是 Word 文档，没有生成页面。"),
        DiagnosticEntry("file.damaged", [.error], "文件已损坏或不完整，无法读取，没有生成页面。"),
        DiagnosticEntry("file.tooLarge", [.error], "文件过大，超出可读取的范围，没有生成页面。"),
        DiagnosticEntry("file.encrypted", [.error], "PDF 文件设有密码，无法读取，没有生成页面。"),
        DiagnosticEntry("file.scanned", [.error], "PDF 是扫描件，没有可读取的文字，没有生成页面。"),
        DiagnosticEntry("file.noText", [.error], "PDF 中的文字无法转换为可读的字符，没有生成页面。"),
        DiagnosticEntry("file.scannedPages", [.warning], "PDF 中有几页是扫描的图片，这些页的文字无法读取。"),
        DiagnosticEntry("file.tooManyPages", [.warning], "PDF 页数过多，只读取了前面的部分。"),
        // What the content folder holds besides reports (printed, never on a page).
        DiagnosticEntry("file.hidden", [.info], "名称以 . 开头的隐藏文件或文件夹，没有读取。"),
        DiagnosticEntry("file.temporary", [.info], "编辑器或 Office 打开文件时留下的临时文件（~$报告.docx、报告.txt~），没有读取。"),
        DiagnosticEntry("file.nameEncoding", [.warning], "文件名不是 UTF-8 编码，没有读取；重命名后才能读取。"),
        DiagnosticEntry("file.pathTooLong", [.warning], "文件路径超过系统允许的长度，没有读取。"),
        DiagnosticEntry("file.link", [.warning, .info], "符号链接：指向报告文件夹之外或指向不存在的文件时不读取；指向文件夹内的文件时只读取一次。"),
        DiagnosticEntry("file.special", [.warning], "不是普通文件（管道、设备等），没有读取。"),
        DiagnosticEntry("file.notReport", [.warning, .info], "不是报告文件的类型（图片、压缩包、电子表格等），没有读取。"),
        DiagnosticEntry("frontMatter.orphan", [.warning], "PDF 或 Word 文件的注明文件（NAME.pdf.yml）旁边没有对应的报告文件，没有使用。"),
        DiagnosticEntry("frontMatter.override", [.info], "发布者在文件开头注明了这一项，以注明的为准。"),
        DiagnosticEntry("frontMatter.unterminated", [.error], "文件开头的注明部分（front matter）没有结束行。"),
        DiagnosticEntry("frontMatter.invalid", [.error, .warning], "文件开头的注明部分（front matter）格式有误，已忽略。"),
        DiagnosticEntry("frontMatter.unknownKey", [.warning], "文件开头注明了无法识别的项目，已忽略。"),
        DiagnosticEntry("frontMatter.region", [.warning], "文件开头注明的地区不是已知的行政区划，已忽略。"),
        DiagnosticEntry("frontMatter.year", [.warning], "文件开头注明的年度不是年份，已忽略。"),
        DiagnosticEntry("frontMatter.published", [.warning], "文件开头注明的发布日期格式有误，已忽略。"),
        DiagnosticEntry("frontMatter.format", [.warning], "文件开头注明的报告格式不是已知的格式，已忽略。"),
        // The build itself, for the publisher (printed, never on a page): the folders, site.yml, the
        // theme, the output folder. Each stops the build except the three warnings.
        DiagnosticEntry("content.missing", [.error], "报告文件夹不存在。"),
        DiagnosticEntry("site.tooLarge", [.error], "site.yml 超过 64 KB，未读取。"),
        DiagnosticEntry("site.encoding", [.error], "site.yml 不是 UTF-8 编码的文字。"),
        DiagnosticEntry("site.tooDeep", [.error], "site.yml 嵌套超过 32 层，未读取。"),
        DiagnosticEntry("site.yaml", [.error], "site.yml 不是有效的 YAML。"),
        DiagnosticEntry("site.notMapping", [.error], "site.yml 不是“键: 值”的写法。"),
        DiagnosticEntry("site.value", [.error], "site.yml 中某项的值是空的，或不是一行文字。"),
        DiagnosticEntry("site.unknownKey", [.warning], "site.yml 中有无法识别的设置，已忽略。"),
        DiagnosticEntry("site.io", [.error], "site.yml 无法读取。"),
        DiagnosticEntry("site.maxFileSize", [.error], "文件大小上限（maxFileSize 或 --max-file-size）的写法无法识别。"),
        DiagnosticEntry("theme.missing", [.error], "找不到所用的主题。"),
        DiagnosticEntry("theme.missingTemplate", [.error], "主题缺少必需的模板。"),
        DiagnosticEntry("theme.template", [.error], "主题的模板无法解析。"),
        DiagnosticEntry("theme.unclosedTag", [.error], "模板中的标签没有结束。"),
        DiagnosticEntry("theme.unclosedSection", [.error], "模板中的段落没有对应的结束标签。"),
        DiagnosticEntry("theme.unexpectedClose", [.error], "模板中的结束标签与打开的段落不对应。"),
        DiagnosticEntry("theme.tooDeep", [.error], "模板中的段落嵌套过深。"),
        DiagnosticEntry("theme.missingPartial", [.error], "模板引用了主题中不存在的模板。"),
        DiagnosticEntry("theme.partialCycle", [.error], "模板互相引用成环，渲染时会无限展开。"),
        DiagnosticEntry("theme.dynamicPartial", [.error], "模板引用的模板名来自数据，无法检查。"),
        DiagnosticEntry("theme.noAssets", [.warning], "主题没有 assets/ 文件夹，样式表和脚本将缺失。"),
        DiagnosticEntry("theme.linkOutside", [.warning], "主题中的符号链接指向主题之外（或指向文件夹），未发布。"),
        DiagnosticEntry("theme.io", [.error], "主题中的文件无法读取。"),
        DiagnosticEntry("output.empty", [.error], "输出文件夹是空字符串，拒绝替换。"),
        DiagnosticEntry("output.workingFolder", [.error], "输出文件夹是当前文件夹或它的上级，拒绝替换。"),
        DiagnosticEntry("output.home", [.error], "输出文件夹是主文件夹或它的上级，拒绝替换。"),
        DiagnosticEntry("output.project", [.error], "输出文件夹是放 site.yml 的项目文件夹或它的上级，拒绝替换。"),
        DiagnosticEntry("output.content", [.error], "输出文件夹是、包含或位于报告文件夹之内，拒绝替换。"),
        DiagnosticEntry("output.theme", [.error], "输出文件夹是、包含或位于主题文件夹之内，拒绝替换。"),
        DiagnosticEntry("output.notAFolder", [.error], "输出路径已有一个文件，不是文件夹。"),
        DiagnosticEntry("output.notASite", [.error], "输出文件夹里已有文件，且不是 nianbao 生成的站点，拒绝替换。"),
        DiagnosticEntry("output.stagingTaken", [.error], "暂存新站点要用的文件夹已被其他文件占用。"),
        DiagnosticEntry("output.unsafePath", [.error], "生成的文件路径会落到输出文件夹之外（nianbao 或主题的错误）。"),
        DiagnosticEntry("output.duplicate", [.error], "同一个文件生成了两次（nianbao 或主题的错误）。"),
        DiagnosticEntry("output.io", [.error], "输出文件夹无法写入（磁盘已满、没有权限等）。"),
    ]

    public static func entry(_ code: Diagnostic.Code) -> DiagnosticEntry? { entries.first { $0.code == code } }

    /// The identities of the registry's forms that raise `code` (a code may be raised by the
    /// same identity of several forms: the wordings, once each).
    public static func identities(for code: Diagnostic.Code, in registry: FormRegistry = Forms.standard) -> [String] {
        var wordings: [String] = []
        func add(_ w: String) { if !wordings.contains(w) { wordings.append(w) } }
        for form in registry.forms {
            for i in form.identities where i.code == code { add(i.wording) }
            for i in form.acrossYears where i.code == code { add(i.wording) }
        }
        for b in registry.legacyForm?.breakdowns ?? [] where b.code == code { add(b.wording) }
        return wordings
    }
}
