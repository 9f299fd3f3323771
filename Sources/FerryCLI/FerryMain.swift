import FerryCore

/// Entry point for the `ferry` executable (runs the async command tree).
public enum FerryMain {
    /// Parses the command line and runs the chosen command.
    public static func main() async {
        PhaseTrace.mark("main")
        await FerryCommand.main()
    }
}
