namespace KalshiArb.Node.Hosting.Startup;

/// <summary>A folder the node writes to (journal, logs): it must be a folder, exist or be creatable, and take a file.</summary>
public static class FolderCheck
{
    public static StartupProblem? Check(string setting, string path)
    {
        var subject = $"{setting} {path}";
        if (string.IsNullOrWhiteSpace(path)) return new(setting, "is empty; name a folder");
        if (File.Exists(path)) return new(subject, "is a file, not a folder; point it at a folder (it is created if missing)");
        try
        {
            // Created owner-only: the journal and the logs hold orders, balances and the admin token.
            if (!Directory.Exists(path))
            {
                if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
                else Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            var probe = Path.Combine(path, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return new(subject, $"cannot be written: {ex.Message}; pick a folder this user can write");
        }
    }
}
