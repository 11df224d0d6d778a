import Foundation

/// The same reports as a Hugo site, so Hugo does comparable work: front matter with every table
/// (parsed as YAML, as nianbao parses the report text), a page per report with its tables as
/// HTML and a JSON twin (nianbao's `report.json`), list pages per year, county and body
/// (taxonomies), a home page and a JSON index of every report (nianbao's `search.json`).
enum HugoSite {
    /// Writes `config.toml` and `layouts/` into `root`; reports go to `content/reports/`.
    static func writeSkeleton(at root: URL) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/reports"), withIntermediateDirectories: true)
    }

    static func path(of report: GeneratedReport) -> String { String(format: "content/reports/r%06d.md", report.index) }

    /// The report as a Hugo content file: front matter with place, year and tables; the prose
    /// as markdown.
    static func markdown(_ report: GeneratedReport) -> String {
        var tables: [String] = []
        var prose: [String] = []
        var published = "\(report.year + 1)-01-01"
        for block in report.document.blocks {
            switch block {
            case .title: continue
            case .heading(let h): prose.append("## \(h)")
            case .paragraph(let p): prose.append(p)
            case .signature(let body, let date):
                prose.append("\(body)  \n\(date)")
                published = isoDate(date) ?? published
            case .table(let kind, let table):
                var lines = ["  - kind: \(kind)", "    title: \(quote(table.title ?? ""))",
                             "    columns: [\(table.columns.map(quote).joined(separator: ", "))]", "    rows:"]
                for row in table.rows {
                    lines.append("      - label: \(quote(row.path.joined(separator: " ")))")
                    lines.append("        values: [\(row.values.map(quote).joined(separator: ", "))]")
                }
                tables.append(lines.joined(separator: "\n"))
            }
        }
        let town = report.body.town.map { "town: \(quote($0))\n" } ?? ""
        return """
        ---
        title: \(quote(report.document.title))
        date: \(published)
        years: [\(quote(String(report.year)))]
        counties: [\(quote(report.body.county))]
        bodies: [\(quote(report.body.name))]
        province: \(quote(report.body.province))
        \(town)code: \(quote(report.body.code))
        era: \(quote(report.era.rawValue))
        tables:
        \(tables.joined(separator: "\n"))
        ---

        \(prose.joined(separator: "\n\n"))

        """
    }

    static func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `2021年1月25日` → `2021-01-25`.
    static func isoDate(_ text: String) -> String? {
        let parts = text.split(whereSeparator: { "年月日".contains($0) }).compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return String(format: "%04d-%02d-%02d", parts[0], parts[1], parts[2])
    }

    /// Every template does constant work per page, as nianbao's do: a count or a list of all
    /// reports on every page (`where .Site.RegularPages …` in the footer) would make Hugo's
    /// build quadratic (minutes at 10,000) and the comparison meaningless.
    static let files: [(String, String)] = [
        ("config.toml", """
        baseURL = "/"
        languageCode = "zh-CN"
        title = "政府信息公开工作年度报告"
        disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]
        relativeURLs = true

        [taxonomies]
          year = "years"
          county = "counties"
          body = "bodies"

        [outputs]
          home = ["HTML", "JSON"]
          page = ["HTML", "JSON"]

        """),
        ("layouts/_default/baseof.html", """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1"></head>
        <body>
        <header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
        <nav><a href="{{ "/years/" | relURL }}">年度</a> <a href="{{ "/counties/" | relURL }}">区县</a></nav></header>
        <main>{{ block "main" . }}{{ end }}</main>
        <footer>共 {{ len .Site.RegularPages }} 份报告</footer>
        </body>
        </html>

        """),
        ("layouts/_default/single.html", """
        {{ define "main" }}
        <article>
        <h1>{{ .Title }}</h1>
        <p class="meta">{{ .Params.province }} › {{ index .Params.counties 0 }}{{ with .Params.town }} › {{ . }}{{ end }} ·
        {{ index .Params.years 0 }} 年 · {{ .Params.era }} 表式 · 发布于 {{ .Date.Format "2006-01-02" }}</p>
        {{ range .Params.tables }}
        <table class="{{ .kind }}">
        {{ with .title }}<caption>{{ . }}</caption>{{ end }}
        {{ with .columns }}<thead><tr>{{ range . }}<th>{{ . }}</th>{{ end }}</tr></thead>{{ end }}
        <tbody>{{ range .rows }}<tr><th>{{ .label }}</th>
        {{- range .values }}<td>{{ if eq . "" }}—{{ else }}{{ . }}{{ end }}</td>{{ end }}</tr>{{ end }}</tbody>
        </table>
        {{ end }}
        {{ .Content }}
        <p>{{ range .GetTerms "bodies" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }} 的全部报告</a>{{ end }}</p>
        </article>
        {{ end }}

        """),
        ("layouts/_default/single.json", """
        {{- $year := index .Params.years 0 -}}
        {{- $county := index .Params.counties 0 -}}
        {{ dict "title" .Title "year" $year "county" $county "era" .Params.era "tables" .Params.tables | jsonify }}

        """),
        ("layouts/_default/list.html", """
        {{ define "main" }}
        <h1>{{ .Title }}</h1>
        <ul>{{ range .Pages.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
        {{ end }}

        """),
        ("layouts/_default/terms.html", """
        {{ define "main" }}
        <h1>{{ .Title }}</h1>
        <ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>
        {{ end }}

        """),
        ("layouts/index.html", """
        {{ define "main" }}
        <h1>{{ .Site.Title }}</h1>
        <h2>年度</h2>
        <ul>{{ range .Site.Taxonomies.years.Alphabetical.Reverse }}
        <li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>
        <h2>区县</h2>
        <ul>{{ range .Site.Taxonomies.counties.ByCount }}
        <li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>
        {{ end }}

        """),
        ("layouts/index.json", """
        {{- $list := slice -}}
        {{- range where .Site.RegularPages "Section" "reports" -}}
        {{- $list = $list | append (dict "title" .Title "url" .RelPermalink "year" (index .Params.years 0)) -}}
        {{- end -}}
        {{- $list | jsonify -}}

        """),
    ]
}
