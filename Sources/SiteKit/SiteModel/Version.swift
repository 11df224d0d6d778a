/// The version of nianbao, recorded in the build manifest: a report is a pure function of its
/// file under one version, so a manifest from another version matches nothing.
public enum Version {
    public static let nianbao = "0.1.0"
}
