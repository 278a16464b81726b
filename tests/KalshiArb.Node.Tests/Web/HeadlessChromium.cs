using System.Diagnostics;

using Xunit.Abstractions;

namespace KalshiArb.Node.Tests.Web;

/// <summary>
/// Debian's `chromium` run headless on a page: its DOM after the page's scripts ran (virtual time budget) or a
/// screenshot. Missing Chromium fails the test with how to install it (`.ci/run` installs it); it is never skipped.
/// Screenshots go to tests/KalshiArb.Node.Tests/TestResults/screenshots/ and their paths are printed.
/// </summary>
public static class HeadlessChromium
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(90);

    public static string Executable()
    {
        var fromEnv = Environment.GetEnvironmentVariable("KA_CHROMIUM");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(fromEnv)) return fromEnv;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "chromium");
            if (File.Exists(candidate)) return candidate;
        }
        Assert.Fail("chromium is not installed: the page tests open the pages in headless Chromium. " +
                    "Install Debian's package (`apt-get install -y chromium`; .ci/run does this) or set KA_CHROMIUM to its path.");
        return "";
    }

    /// <summary>The folder the screenshots are kept in, beside the test project's TestResults.</summary>
    public static string ScreenshotFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KalshiArb.Node.Tests.csproj"))) dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The serialized DOM once the page's scripts had <paramref name="budgetMs"/> of (virtual) time.</summary>
    public static async Task<string> DumpDomAsync(string url, int budgetMs = 8000) =>
        (await RunAsync(["--dump-dom", url], budgetMs)).Stdout;

    /// <summary>A 1400×1000 screenshot (a laptop's window) to TestResults/screenshots/<paramref name="name"/>.png; returns its path.</summary>
    public static async Task<string> ScreenshotAsync(string url, string name, ITestOutputHelper? output = null, int budgetMs = 8000, int height = 1000)
    {
        var path = Path.Combine(ScreenshotFolder(), name + ".png");
        File.Delete(path);
        var run = await RunAsync(["--screenshot=" + path, $"--window-size=1400,{height}", "--hide-scrollbars", url], budgetMs);
        Assert.True(File.Exists(path) && new FileInfo(path).Length > 10_000,
            $"chromium wrote no screenshot to {path} (exit {run.ExitCode}): {run.Stderr}");
        output?.WriteLine("screenshot: " + path);
        Console.WriteLine("screenshot: " + path);
        return path;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args, int budgetMs)
    {
        var profile = Directory.CreateTempSubdirectory("ka-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                         "--disable-extensions", "--disable-background-networking", "--user-data-dir=" + profile.FullName,
                         "--virtual-time-budget=" + budgetMs,
                     })
                start.ArgumentList.Add(a);
            foreach (var a in args) start.ArgumentList.Add(a);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(RunLimit);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"chromium did not finish within {RunLimit}: {string.Join(' ', args)}");
            }
            return (process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            try { profile.Delete(recursive: true); } catch (IOException) { /* chromium's last writes; the temp folder is cleaned by the OS */ }
        }
    }
}
