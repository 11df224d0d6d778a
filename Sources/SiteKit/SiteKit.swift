@_exported import ReportKit
