using System.Security.Cryptography;
using System.Text.Json;

namespace KalshiArb.Node.Admin;

/// <summary>
/// How a CLI on the same machine reaches the running node: the loopback port and the per-run bearer token,
/// kept in &lt;data-dir&gt;/admin.json readable by the owner only.
/// </summary>
public sealed record AdminAccess(int Port, string Token)
{
    public const string FileName = "admin.json";

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    /// <summary>32 random bytes, hex: new for every run so a leaked file dies with the process.</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>Written beside and renamed into place, so a reader never sees half a file; created 0600 on Unix.</summary>
    public void WriteTo(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = PathIn(dataDirectory);
        var temp = path + ".tmp";
        File.Delete(temp);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temp, options))
            JsonSerializer.Serialize(stream, this, AdminJson.Options);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads admin.json; null with a reason when there is no usable file (no node running).</summary>
    public static AdminAccess? TryRead(string dataDirectory, out string problem)
    {
        var path = PathIn(dataDirectory);
        problem = "";
        try
        {
            var text = File.ReadAllText(path);
            var access = JsonSerializer.Deserialize<AdminAccess>(text, AdminJson.Options);
            if (access is { Port: > 0 and <= 65535, Token.Length: > 0 }) return access;
            problem = $"{path} is not a valid admin file";
            return null;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            problem = $"no node running: {path} does not exist";
            return null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            problem = $"cannot read {path}: {ex.Message}";
            return null;
        }
    }

    // The token must never reach a log line.
    public override string ToString() => $"AdminAccess {{ Port = {Port} }}";
}
