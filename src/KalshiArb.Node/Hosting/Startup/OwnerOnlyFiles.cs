using System.Runtime.InteropServices;

namespace KalshiArb.Node.Hosting.Startup;

/// <summary>
/// The journal (orders, balances), the logs and admin.json (the admin token) are for the account's owner only: new
/// files are created owner-only (umask 077) and files an older version left readable by others are tightened.
/// </summary>
public static class OwnerOnlyFiles
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OthersAny = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                                           | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>From now on this process creates files and folders owner-only.</summary>
    public static void RestrictNewFiles()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) _ = umask(0b000_111_111);
    }

    /// <summary>Existing journal and log files readable by group or others become owner read/write; returns how many.</summary>
    public static int Tighten(NodeSettings settings)
    {
        if (OperatingSystem.IsWindows()) return 0;
        var files = Candidates(settings.DataDirectory, "kalshiarb*.db*").Concat(Candidates(settings.DataDirectory, "admin.json"))
            .Concat(Candidates(settings.EffectiveLogDirectory, "kalshiarb*.log"));
        var changed = 0;
        foreach (var file in files)
        {
            try
            {
                var mode = File.GetUnixFileMode(file);
                if ((mode & OthersAny) == 0) continue;
                File.SetUnixFileMode(file, OwnerReadWrite);
                changed++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Not ours to change (another user's file): the folder check already proved we can write beside it.
            }
        }
        return changed;
    }

    private static IEnumerable<string> Candidates(string folder, string pattern) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, pattern) : [];

    // DllImport, not LibraryImport: the source generator would need unsafe code for one blittable call.
    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint umask(uint mask);
}
