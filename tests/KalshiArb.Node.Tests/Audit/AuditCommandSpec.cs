using System.Text.Json;
using KalshiArb.Actors.Serialization;
using KalshiArb.Domain.Fees;
using KalshiArb.Node.Audit;
using Xunit.Abstractions;

namespace KalshiArb.Node.Tests.Audit;

public sealed class AuditCommandSpec(AuditJournalFixture fixture, ITestOutputHelper output) : IClassFixture<AuditJournalFixture>
{
    private static readonly string[] FilledTwice = ["OrderCreated", "RiskApproved", "SubmitRequested", "Acknowledged", "FillApplied", "FillApplied"];
    private static readonly string[] FilledOnce = ["OrderCreated", "RiskApproved", "SubmitRequested", "Acknowledged", "FillApplied"];

    /// <summary>The fixture writes each timeline in order, so the audit must give it back exactly.</summary>
    private static void AssertFilledTimeline(IReadOnlyList<string?> actual, string[] expected) => Assert.Equal(expected, actual);

    private static long SeqOf(TempJournal journal, string executionId, string manifest, bool last = false) =>
        Convert.ToInt64(journal.Scalar(
            $"SELECT {(last ? "MAX" : "MIN")}(sequence_nr) FROM event_journal WHERE persistence_id = $p AND manifest = $m",
            ("$p", Pid(executionId)), ("$m", manifest)));
    private static readonly string[] Denied = ["OrderCreated", "RiskDenied"];

    private async Task<(int Exit, string Out, string Err)> Audit(TempJournal journal, AuditFormat format = AuditFormat.Text,
        bool allowOpen = false, string? order = null, string? outFile = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await AuditCommand.RunAsync(new AuditOptions
        {
            Settings = new NodeSettings { DataDirectory = journal.Directory },
            Format = format,
            RequireTerminal = !allowOpen,
            OrderId = order,
            OutFile = outFile,
        }, stdout, stderr, CancellationToken.None);
        output.WriteLine(stdout.ToString());
        output.WriteLine(stderr.ToString());
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static async Task<AuditRun> Read(TempJournal journal, bool requireTerminal = true)
    {
        var config = AkkaConfigComposer.Compose(new NodeSettings { DataDirectory = journal.Directory });
        return JournalAuditor.AuditAll(await OrderJournalReader.ReadAsync(config, null, CancellationToken.None), requireTerminal);
    }

    private static string[] Names(OrderAuditResult order) => order.Journal.Entries.Select(OrderEventText.Name).ToArray();

    private static string[] Kinds(OrderAuditResult order) => order.Findings.Select(f => f.Kind).Distinct().Order(StringComparer.Ordinal).ToArray();

    private static string Pid(string executionId) => AuditJournalFixture.PersistenceIdOf(executionId);

    [Fact]
    public async Task A_journal_written_by_real_orders_audits_clean_with_their_timelines()
    {
        using var journal = fixture.Copy();
        var (exit, text, _) = await Audit(journal);

        Assert.Equal(AuditCommand.ExitClean, exit);
        Assert.Contains("audit: 3 orders, 3 clean, 0 with violations", text);
        Assert.Contains("violations: none", text);

        var run = await Read(journal);
        Assert.Equal(new[] { fixture.GameOrder, fixture.OtherOrder, fixture.DeniedOrder }.Order(StringComparer.Ordinal),
            run.Orders.Select(o => o.ExecutionId).Order(StringComparer.Ordinal));
        var game = run.Orders.Single(o => o.ExecutionId == fixture.GameOrder);
        var other = run.Orders.Single(o => o.ExecutionId == fixture.OtherOrder);
        var denied = run.Orders.Single(o => o.ExecutionId == fixture.DeniedOrder);
        AssertFilledTimeline(Names(game), FilledTwice);
        AssertFilledTimeline(Names(other), FilledOnce);
        Assert.Equal(Denied, Names(denied));
        Assert.Equal([1L, 2, 3, 4, 5, 6], game.Journal.Entries.Select(e => e.SequenceNr));
        Assert.All(game.Journal.Entries, e => Assert.True(e.TimestampMs > 1_700_000_000_000));
        Assert.Equal(FeeSchedule.SportsGame, game.Fees.Schedule);
        Assert.Equal(FeeSchedule.StandardTaker, other.Fees.Schedule);
        Assert.Contains("assumed standard taker rule", other.Fees.Source);
        Assert.Equal(Quantity.FromContracts(10), game.Report.RebuiltState!.FilledCount);
    }

    [Fact]
    public async Task Json_and_csv_exports_parse_back()
    {
        using var journal = fixture.Copy();
        var jsonFile = Path.Combine(journal.Directory, "audit.json");
        var (exit, stdout, stderr) = await Audit(journal, AuditFormat.Json, outFile: jsonFile);
        Assert.Equal(AuditCommand.ExitClean, exit);
        Assert.Equal("", stdout);
        Assert.Contains("3 clean", stderr);

        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(jsonFile));
        var orders = doc.RootElement.GetProperty("orders").EnumerateArray().ToArray();
        Assert.Equal(3, orders.Length);
        var game = orders.Single(o => o.GetProperty("execution_id").GetString() == fixture.GameOrder);
        AssertFilledTimeline(game.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("event").GetString()).ToArray(), FilledTwice);
        Assert.Equal("Filled", game.GetProperty("final_state").GetString());
        Assert.True(game.GetProperty("clean").GetBoolean());
        Assert.Empty(game.GetProperty("violations").EnumerateArray());
        var firstFill = game.GetProperty("timeline").EnumerateArray().First(e => e.GetProperty("event").GetString() == "FillApplied").GetProperty("fields");
        Assert.Equal(("5.00", "0.5200", "taker"), (firstFill.GetProperty("count").GetString(), firstFill.GetProperty("price").GetString(), firstFill.GetProperty("role").GetString()));
        Assert.Equal(3, doc.RootElement.GetProperty("summary").GetProperty("clean").GetInt32());
        // P&L: no settlement yet, so realized is minus the fees of the three taker fills
        var fees = FeeSchedule.SportsGame.FillFee(FeeRole.Taker, Quantity.FromContracts(5), Price.FromCents(52))
            + FeeSchedule.SportsGame.FillFee(FeeRole.Taker, Quantity.FromContracts(5), Price.FromCents(53))
            + FeeSchedule.StandardTaker.FillFee(FeeRole.Taker, Quantity.FromContracts(3), Price.FromCents(52));
        var pnl = doc.RootElement.GetProperty("pnl");
        Assert.Equal(fees.ToWire(), pnl.GetProperty("total").GetProperty("fees").GetString());
        Assert.Equal((-fees).ToWire(), pnl.GetProperty("total").GetProperty("realized").GetString());
        Assert.Equal("10.00", pnl.GetProperty("markets").EnumerateArray()
            .Single(m => m.GetProperty("key").GetString() == AuditJournalFixture.GameTicker).GetProperty("contracts").GetString());

        var (csvExit, csv, _) = await Audit(journal, AuditFormat.Csv);
        Assert.Equal(AuditCommand.ExitClean, csvExit);
        var rows = Csv.Parse(csv);
        Assert.Equal(AuditCsvReport.Columns, rows[0]);
        var events = rows.Skip(1).ToArray();
        Assert.All(events, r => Assert.Equal(AuditCsvReport.Columns.Length, r.Length));
        Assert.All(events, r => Assert.Equal("event", r[0])); // clean: no violation rows
        Assert.Equal(FilledTwice.Length + FilledOnce.Length + Denied.Length, events.Length);
        AssertFilledTimeline(events.Where(r => r[1] == fixture.GameOrder).OrderBy(r => long.Parse(r[3])).Select(r => r[6]).ToArray(), FilledTwice);
        Assert.Contains(events, r => r[1] == fixture.DeniedOrder && r[6] == "RiskDenied" && r[7] == "reason=MaxContractsPerMarket");
    }

    [Fact]
    public async Task A_deleted_risk_approval_is_a_submit_without_approval()
    {
        using var journal = fixture.Copy();
        Assert.Equal(1, journal.Execute("DELETE FROM event_journal WHERE persistence_id = $p AND sequence_nr = 2", ("$p", Pid(fixture.GameOrder))));

        var (exit, text, _) = await Audit(journal);
        Assert.Equal(AuditCommand.ExitViolations, exit);
        Assert.Contains("audit: 3 orders, 2 clean, 1 with violations", text);

        var game = (await Read(journal)).Orders.Single(o => o.ExecutionId == fixture.GameOrder);
        // Replay refuses the unapproved submit, so the order also never gets anywhere: NotTerminal follows.
        Assert.Equal(["NotTerminal", "SequenceGap", "SubmitWithoutApproval"], Kinds(game));
        Assert.Equal(3, game.Findings.Single(f => f.Kind == "SubmitWithoutApproval").SequenceNr);
        Assert.Equal(3, game.Findings.Single(f => f.Kind == "SequenceGap").SequenceNr);
    }

    [Fact]
    public async Task A_fill_rewritten_beyond_the_order_count_is_an_overfill()
    {
        using var journal = fixture.Copy();
        var count = Quantity.FromContracts(50);
        var price = Price.FromCents(53);
        var forged = new OrderFillAppliedEvent("forged", count, price, FeeSchedule.SportsGame.FillFee(FeeRole.Taker, count, price), true,
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var payload = JsonSerializer.SerializeToUtf8Bytes(forged, KalshiArbSerializer.JsonOptions);
        var lastFill = SeqOf(journal, fixture.GameOrder, "order-fill-applied.v1", last: true);
        Assert.Equal(1, journal.Execute("UPDATE event_journal SET payload = $b WHERE persistence_id = $p AND sequence_nr = $s",
            ("$b", payload), ("$p", Pid(fixture.GameOrder)), ("$s", lastFill)));

        var (exit, _, _) = await Audit(journal);
        Assert.Equal(AuditCommand.ExitViolations, exit);
        var game = (await Read(journal)).Orders.Single(o => o.ExecutionId == fixture.GameOrder);
        var overfill = Assert.Single(game.Findings, f => f.Kind == "Overfill");
        Assert.Equal(lastFill, overfill.SequenceNr);
        // The fee was forged consistently, so only the count is wrong (and the order stays short of Filled).
        Assert.All(game.Findings, f => Assert.Contains(f.Kind, new[] { "Overfill", "NotTerminal" }));
    }

    [Fact]
    public async Task Garbage_payloads_are_reported_per_order_and_the_rest_is_still_audited()
    {
        using var journal = fixture.Copy();
        byte[] garbage = [0xde, 0xad, 0xbe, 0xef, 0x00, 0x7b];
        var ack = SeqOf(journal, fixture.OtherOrder, "order-acknowledged.v1");
        Assert.Equal(1, journal.Execute("UPDATE event_journal SET payload = $b WHERE persistence_id = $p AND sequence_nr = $s",
            ("$b", garbage), ("$p", Pid(fixture.OtherOrder)), ("$s", ack)));
        Assert.Equal(1, journal.Execute("UPDATE event_journal SET payload = $b WHERE persistence_id = $p AND sequence_nr = 1",
            ("$b", garbage), ("$p", Pid(fixture.DeniedOrder))));

        var (exit, text, _) = await Audit(journal);
        Assert.Equal(AuditCommand.ExitViolations, exit);
        Assert.Contains("audit: 3 orders, 1 clean, 2 with violations", text);

        var run = await Read(journal);
        var other = run.Orders.Single(o => o.ExecutionId == fixture.OtherOrder);
        Assert.Equal(["UnreadableEvent"], Kinds(other)); // the events around it are still read and checked
        Assert.Equal(ack, other.Findings.Single().SequenceNr);
        Assert.Equal(5, other.Journal.Entries.Count);
        Assert.Equal("Unreadable", OrderEventText.Name(other.Journal.Entries.Single(e => e.SequenceNr == ack)));
        Assert.Equal(4, other.Journal.Entries.Count(e => e.IsReadable));

        var denied = run.Orders.Single(o => o.ExecutionId == fixture.DeniedOrder);
        Assert.Contains("UnreadableEvent", Kinds(denied));
        Assert.Contains("MissingCreation", Kinds(denied));
        Assert.True(run.Orders.Single(o => o.ExecutionId == fixture.GameOrder).IsClean);
    }

    [Fact]
    public async Task An_order_cut_short_is_not_terminal_unless_open_orders_are_allowed()
    {
        using var journal = fixture.Copy();
        Assert.Equal(2, journal.Execute("DELETE FROM event_journal WHERE persistence_id = $p AND sequence_nr >= 5", ("$p", Pid(fixture.GameOrder))));

        var (exit, text, _) = await Audit(journal);
        Assert.Equal(AuditCommand.ExitViolations, exit);
        Assert.Contains("NotTerminal=1", text);

        var (openExit, _, _) = await Audit(journal, allowOpen: true);
        Assert.Equal(AuditCommand.ExitClean, openExit);
    }

    [Fact]
    public async Task One_order_can_be_audited_alone()
    {
        using var journal = fixture.Copy();
        var (exit, json, _) = await Audit(journal, AuditFormat.Json, order: fixture.DeniedOrder);
        Assert.Equal(AuditCommand.ExitClean, exit);
        using var doc = JsonDocument.Parse(json);
        var only = Assert.Single(doc.RootElement.GetProperty("orders").EnumerateArray().ToArray());
        Assert.Equal(Denied, only.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("event").GetString()));

        var (byPid, _, _) = await Audit(journal, order: Pid(fixture.GameOrder));
        Assert.Equal(AuditCommand.ExitClean, byPid);

        var (missing, _, err) = await Audit(journal, order: "no-such-order");
        Assert.Equal(AuditCommand.ExitUnreadable, missing);
        Assert.Contains("not in the journal", err);
    }

    [Fact]
    public async Task The_command_line_options_reach_the_audit()
    {
        using var journal = fixture.Copy();
        var csvFile = Path.Combine(journal.Directory, "audit.csv");
        var root = new System.CommandLine.RootCommand();
        root.Subcommands.Add(AuditCommand.Create());

        var exit = await root.Parse(["audit", "--data-dir", journal.Directory, "--format", "csv", "--out", csvFile, "--order", fixture.OtherOrder])
            .InvokeAsync();

        Assert.Equal(AuditCommand.ExitClean, exit);
        var rows = Csv.Parse(await File.ReadAllTextAsync(csvFile));
        Assert.Equal(AuditCsvReport.Columns, rows[0]);
        Assert.Equal(FilledOnce.Length, rows.Count - 1);
        Assert.All(rows.Skip(1), r => Assert.Equal(fixture.OtherOrder, r[1]));

        Assert.Equal(1, journal.Execute("DELETE FROM event_journal WHERE persistence_id = $p AND sequence_nr = 2", ("$p", Pid(fixture.OtherOrder))));
        var afterDelete = await root.Parse(["audit", "--data-dir", journal.Directory, "--out", csvFile, "--allow-open"]).InvokeAsync();
        Assert.Equal(AuditCommand.ExitViolations, afterDelete);
        Assert.Contains("SubmitWithoutApproval", await File.ReadAllTextAsync(csvFile));
    }

    [Fact]
    public async Task A_submit_after_the_horizon_fails_the_audit_and_is_named_in_every_format()
    {
        using var journal = fixture.Copy();
        const long submitBy = AuditJournalFixture.T0 + AuditJournalFixture.Horizon;
        // one submit a millisecond late; one submitted in time but re-sent after the horizon
        var late = AuditJournalFixture.Filled("audit-late", "sig-late", AuditJournalFixture.GameTicker, 53, FeeSchedule.SportsGame, ("t-late-1", 2, 53));
        late[2] = new OrderSubmitRequestedEvent(submitBy + 1);
        OrderJournalEvent[] retried = [.. late.Take(3).Select(e => e is OrderCreatedEvent c ? c with { ExecutionId = "audit-retried" } : e)];
        retried[2] = new OrderSubmitRequestedEvent(AuditJournalFixture.T0 + 20);
        retried = [.. retried, new OrderSubmitRetriedEvent(submitBy + 500)];
        AuditJournalFixture.Write(journal, new Dictionary<string, OrderJournalEvent[]> { ["audit-late"] = late, ["audit-retried"] = retried });

        var (exit, text, _) = await Audit(journal, allowOpen: true);
        Assert.Equal(AuditCommand.ExitViolations, exit);
        Assert.Contains("audit: 5 orders, 3 clean, 2 with violations; SubmitAfterHorizon=2", text);
        Assert.Contains("seq 3: SubmitAfterHorizon: SubmitRequested at", text);
        Assert.Contains("submit_by=2026-09-20T16:00:02.000Z", text);

        var run = await Read(journal, requireTerminal: false);
        var lateOrder = run.Orders.Single(o => o.ExecutionId == "audit-late");
        Assert.Equal(["SubmitAfterHorizon"], Kinds(lateOrder));
        Assert.Equal(3, lateOrder.Findings.Single().SequenceNr);
        var retriedOrder = run.Orders.Single(o => o.ExecutionId == "audit-retried");
        Assert.Equal(["SubmitAfterHorizon"], Kinds(retriedOrder));
        var retry = retriedOrder.Journal.Entries.Single(e => OrderEventText.Name(e) == "SubmitRetried");
        Assert.Equal((4L, submitBy + 500), (retry.SequenceNr, retry.TimestampMs)); // its own time, not 0
        Assert.Equal(4, retriedOrder.Findings.Single().SequenceNr);

        var (_, json, _) = await Audit(journal, AuditFormat.Json, allowOpen: true);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(2, doc.RootElement.GetProperty("summary").GetProperty("by_kind").GetProperty("SubmitAfterHorizon").GetInt32());
        var (_, csv, _) = await Audit(journal, AuditFormat.Csv, allowOpen: true);
        Assert.Contains(Csv.Parse(csv), r => r[0] == "violation" && r[1] == "audit-retried" && r[3] == "4" && r[8] == "SubmitAfterHorizon");
    }

    [Fact]
    public async Task An_order_expired_before_its_submit_audits_clean_and_shows_why()
    {
        using var journal = fixture.Copy();
        const string id = "audit-expired";
        OrderJournalEvent[] expired =
        [
            new OrderCreatedEvent(id, "sig-expired", AuditJournalFixture.GameTicker, OutcomeSide.Yes, Price.FromCents(53), Quantity.FromContracts(4),
                AuditJournalFixture.T0, AuditJournalFixture.T0 - 50, AuditJournalFixture.T0 + AuditJournalFixture.Horizon),
            new OrderRiskApprovedEvent(Money.FromDollars(3), AuditJournalFixture.T0 + 10),
            new OrderExpiredEvent(null, AuditJournalFixture.T0 + AuditJournalFixture.Horizon + 1, OrderExpiryReason.HorizonPassedBeforeSubmit),
        ];
        AuditJournalFixture.Write(journal, new Dictionary<string, OrderJournalEvent[]> { [id] = expired });

        var (exit, text, _) = await Audit(journal);
        Assert.Equal(AuditCommand.ExitClean, exit);
        Assert.Contains("audit: 4 orders, 4 clean, 0 with violations", text);
        Assert.Contains("reason=HorizonPassedBeforeSubmit", text);

        var order = (await Read(journal)).Orders.Single(o => o.ExecutionId == id);
        Assert.Equal(["OrderCreated", "RiskApproved", "Expired"], Names(order));
        Assert.Equal(ExecutionOrderState.Expired, order.FinalState);
        Assert.Equal(OrderExpiryReason.HorizonPassedBeforeSubmit, order.Report.RebuiltState!.ExpiryReason);
    }

    [Fact]
    public async Task A_missing_journal_cannot_be_read()
    {
        using var empty = new TempJournal();
        var (exit, _, err) = await Audit(empty);
        Assert.Equal(AuditCommand.ExitUnreadable, exit);
        Assert.Contains("no journal at", err);
        Assert.False(File.Exists(empty.FilePath)); // the audit must not create a journal
    }

    [Fact]
    public async Task A_file_that_is_not_a_journal_cannot_be_read()
    {
        using var broken = new TempJournal();
        await File.WriteAllTextAsync(broken.FilePath, "this is not an sqlite database");
        var (exit, _, err) = await Audit(broken);
        Assert.Equal(AuditCommand.ExitUnreadable, exit);
        Assert.Contains("cannot read the journal", err);
    }
}
