using KalshiArb.Actors.Persistence;
using KalshiArb.Node.Hosting.Startup;

namespace KalshiArb.Node.Tests.Hosting.Startup;

/// <summary>Each operator mistake from the reliability issue: one problem naming the setting or file, found before start.</summary>
public sealed class StartupCheckSpec : IDisposable
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;
    private readonly string _dir = Directory.CreateTempSubdirectory("ka-startup-").FullName;

    private NodeSettings Settings => new()
    {
        DataDirectory = Path.Combine(_dir, "data"),
        LogDirectory = Path.Combine(_dir, "logs"),
    };

    private string Overlay(string text)
    {
        var path = Path.Combine(_dir, $"overlay-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, text);
        return path;
    }

    private static StartupProblem Single(IReadOnlyList<StartupProblem> problems) => Assert.Single(problems);

    [Fact]
    public void The_default_settings_pass_and_create_owner_only_folders()
    {
        Assert.Empty(StartupCheck.Run(Settings, NoEnvironment, externalExchange: false));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Settings.DataDirectory));
    }

    [Fact]
    public void A_data_dir_that_is_a_file_is_named()
    {
        var file = Path.Combine(_dir, "afile");
        File.WriteAllText(file, "");
        var p = Single(StartupCheck.Run(Settings with { DataDirectory = file }, NoEnvironment, false));
        Assert.Equal($"--data-dir/KA_DATA_DIR {file}", p.Subject);
        Assert.Contains("is a file, not a folder", p.Reason);
    }

    [Fact]
    public void Postgres_without_a_connection_string_says_which_variable()
    {
        var p = Single(StartupCheck.Run(Settings with { Store = PersistenceStore.PostgreSql }, NoEnvironment, false));
        Assert.Equal("KA_CONNECTION_STRING", p.Subject);
        Assert.Contains("KA_PERSISTENCE=postgres needs it", p.Reason);
    }

    [Fact]
    public void An_unreachable_postgres_is_named_without_its_password()
    {
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        var settings = Settings with
        {
            Store = PersistenceStore.PostgreSql,
            ConnectionString = "Host=127.0.0.1;Port=1;Username=u;Password=hunter2;Database=d;Timeout=3",
        };
        var p = Single(StartupCheck.Run(settings, NoEnvironment, false));
        Assert.Equal("PostgreSQL journal at 127.0.0.1:1/d", p.Subject);
        Assert.DoesNotContain("hunter2", p.ToString());
    }

    [Fact]
    public void A_journal_file_that_is_not_a_database_is_named_and_a_missing_one_is_not_created()
    {
        Assert.Empty(StartupCheck.Run(Settings, NoEnvironment, false));
        Assert.False(File.Exists(Path.Combine(Settings.DataDirectory, "kalshiarb.db")));

        File.WriteAllText(Path.Combine(Settings.DataDirectory, "kalshiarb.db"), "these bytes are not a SQLite database, whatever the name says");
        var p = Single(StartupCheck.Run(Settings, NoEnvironment, false));
        Assert.Equal($"SQLite journal in {Settings.DataDirectory}", p.Subject);
        Assert.Contains("cannot be opened", p.Reason);
    }

    [Fact]
    public void A_garbage_connection_string_is_refused()
    {
        var p = Single(StartupCheck.Run(Settings with { Store = PersistenceStore.PostgreSql, ConnectionString = "Hots=x;;Bogus Key=1" }, NoEnvironment, false));
        Assert.Equal("KA_CONNECTION_STRING", p.Subject);
        Assert.Contains("not a PostgreSQL connection string", p.Reason);
    }

    [Fact]
    public void A_missing_config_file_is_named()
    {
        var p = Single(StartupCheck.Run(Settings with { ConfigOverlayPath = Path.Combine(_dir, "nope.conf") }, NoEnvironment, false));
        Assert.Contains("nope.conf", p.Subject);
        Assert.Contains("no such file", p.Reason);
    }

    [Fact]
    public void A_config_cut_short_names_the_open_brace()
    {
        var p = Single(StartupCheck.Run(Settings with { ConfigOverlayPath = Overlay("kalshiarb {\n  risk {\n") }, NoEnvironment, false));
        Assert.Contains("line 2: '{' is never closed", p.Reason);
    }

    [Theory]
    [InlineData("x =\n", "x")]
    [InlineData("kalshiarb.risk.max-open-markets =\n", "kalshiarb.risk.max-open-markets")]
    public void An_empty_value_names_its_setting(string text, string key)
    {
        var p = Single(StartupCheck.Run(Settings with { ConfigOverlayPath = Overlay(text) }, NoEnvironment, false));
        Assert.StartsWith(key + " in ", p.Subject);
        Assert.Contains("has no value", p.Reason);
    }

    [Theory]
    [InlineData("kalshiarb.risk.max-open-markets = banana", "'banana' is not a whole number (like 20)")]
    [InlineData("kalshiarb.orders.cancel-after = soon", "'soon' is not a duration")]
    [InlineData("kalshiarb.risk { max-open-markets = [1, 2] }", "must be a single value like 20")]
    public void A_value_of_the_wrong_kind_names_its_setting(string text, string reason)
    {
        var p = Single(StartupCheck.Run(Settings with { ConfigOverlayPath = Overlay(text) }, NoEnvironment, false));
        Assert.Contains(reason, p.Reason);
    }

    [Fact]
    public void A_misspelled_setting_is_refused_with_the_nearest_real_one()
    {
        var p = Single(StartupCheck.Run(Settings with { ConfigOverlayPath = Overlay("kalshiarb.risk.max-open-market = 3") }, NoEnvironment, false));
        Assert.Contains("is not a setting", p.Reason);
        Assert.Contains("did you mean kalshiarb.risk.max-open-markets?", p.Reason);
    }

    [Fact]
    public void A_finished_orders_stop_delay_is_read_from_the_shipped_config_and_an_overlay()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(250), TradingConfig.From(AkkaConfigComposer.Compose(Settings)).Orders.Policy.FinishedStopAfter);
        var overlaid = Settings with { ConfigOverlayPath = Overlay("kalshiarb.orders.finished-stop-after = 2s") };
        Assert.Equal(TimeSpan.FromSeconds(2), TradingConfig.From(AkkaConfigComposer.Compose(overlaid)).Orders.Policy.FinishedStopAfter);
    }

    [Fact]
    public void A_finished_orders_stop_delay_of_zero_is_refused()
    {
        var p = Single(StartupCheck.Run(Settings with { ConfigOverlayPath = Overlay("kalshiarb.orders.finished-stop-after = 0s") }, NoEnvironment, false));
        Assert.Contains("'finished-stop-after' must be a positive duration", p.Reason);
    }

    [Fact]
    public void A_value_out_of_range_is_refused_by_the_same_reading_the_node_does()
    {
        var p = Single(StartupCheck.Run(Settings with { ConfigOverlayPath = Overlay("kalshiarb.risk.max-open-markets = -3") }, NoEnvironment, false));
        Assert.Contains("must be positive, got -3", p.Reason);
    }

    [Fact]
    public void A_correct_overlay_passes_akka_settings_included()
    {
        var overlay = Overlay("kalshiarb {\n  risk { max-open-markets = 5 }\n  orders.cancel-after = 45s\n}\nakka.loglevel = WARNING\n");
        Assert.Empty(StartupCheck.Run(Settings with { ConfigOverlayPath = overlay }, NoEnvironment, false));
    }

    [Fact]
    public void A_syntax_error_is_refused_with_the_parser_reason()
    {
        var p = Single(StartupCheck.Run(Settings with { ConfigOverlayPath = Overlay("kalshiarb { risk { a = 1 }, b = 2 }") }, NoEnvironment, false));
        Assert.Contains("is not valid HOCON", p.Reason);
    }

    [Fact]
    public void A_garbage_key_file_for_an_external_exchange_is_named()
    {
        var key = Path.Combine(_dir, "k.pem");
        File.WriteAllText(key, "garbage");
        var env = ExternalExchange(key);
        var p = Single(StartupCheck.Run(Settings, env, externalExchange: true));
        Assert.Equal($"KALSHI_PRIVATE_KEY_PATH {key}", p.Subject);
        Assert.Contains("not an RSA private key PEM", p.Reason);
    }

    [Fact]
    public void A_public_key_is_not_taken_for_the_private_one()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var key = Path.Combine(_dir, "pub.pem");
        File.WriteAllText(key, rsa.ExportSubjectPublicKeyInfoPem());
        var env = ExternalExchange(key);
        Assert.Contains("not an RSA private key PEM", Single(StartupCheck.Run(Settings, env, true)).Reason);
    }

    [Fact]
    public void Missing_exchange_variables_are_each_named()
    {
        var problems = StartupCheck.Run(Settings, Env(("KALSHI_REST_URL", "not a url")), externalExchange: true);
        Assert.Equal(["KALSHI_REST_URL", "KALSHI_WS_URL", "ODDS_API_URL", "KALSHI_API_KEY_ID", "KALSHI_PRIVATE_KEY_PATH"], problems.Select(p => p.Subject));
    }

    [Fact]
    public async Task Run_refuses_before_the_actor_system_starts_with_exit_2()
    {
        var file = Path.Combine(_dir, "afile");
        File.WriteAllText(file, "");
        var rc = await RunCommand.RunAsync(Settings with { DataDirectory = file, Duration = TimeSpan.FromSeconds(5) }, CancellationToken.None, env: NoEnvironment);
        Assert.Equal(2, rc);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("60x")]
    [InlineData("0s")]
    public async Task A_bad_duration_is_one_line_and_exit_2(string text)
    {
        var error = new StringWriter();
        var rc = await CommandLineApp.InvokeAsync(["run", "--duration", text], error);
        Assert.Equal(2, rc);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("cannot start: --duration ", lines[0]);
        Assert.DoesNotContain("System.", error.ToString());
        Assert.Equal("see: kalshiarb run --help", lines[^1].TrimEnd());
    }

    [Fact]
    public void Journal_and_log_files_left_readable_by_others_are_tightened()
    {
        if (OperatingSystem.IsWindows()) return;
        Directory.CreateDirectory(Settings.DataDirectory);
        var db = Path.Combine(Settings.DataDirectory, "kalshiarb.db");
        File.WriteAllText(db, "");
        File.SetUnixFileMode(db, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        Assert.Equal(1, OwnerOnlyFiles.Tighten(Settings));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(db));
        Assert.Equal(0, OwnerOnlyFiles.Tighten(Settings));
    }

    private static Func<string, string?> ExternalExchange(string keyPath) =>
        Env(("KALSHI_REST_URL", "http://127.0.0.1:1/trade-api/v2"), ("KALSHI_WS_URL", "ws://127.0.0.1:1/trade-api/ws/v2"),
            ("ODDS_API_URL", "http://127.0.0.1:1/v4"), ("KALSHI_API_KEY_ID", "abc"), ("KALSHI_PRIVATE_KEY_PATH", keyPath));

    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
