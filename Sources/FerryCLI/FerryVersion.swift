/// The version of this `ferry` build.
public enum FerryVersion {
    /// The client's version string.
    public static let client = "0.1.0"
}
