// Placeholder until the text branch lands.
public enum PortalChecks {
    public static func check(_ reports: [Report]) -> [Int: [Diagnostic]] { [:] }
}
