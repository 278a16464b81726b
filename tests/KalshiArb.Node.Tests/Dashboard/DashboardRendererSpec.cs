using KalshiArb.Node.Dashboard;
using Spectre.Console.Testing;
using Xunit.Abstractions;

namespace KalshiArb.Node.Tests.Dashboard;

/// <summary>What a person sees in one dashboard frame, read off Spectre's TestConsole.</summary>
public sealed class DashboardRendererSpec(ITestOutputHelper output)
{
    private string Screen(DashboardView view)
    {
        var console = new TestConsole().Width(180);
        console.Write(DashboardRenderer.Render(view));
        // The frame as a person sees it, kept in the test log.
        output.WriteLine(console.Output);
        return console.Output;
    }

    [Fact]
    public void A_running_node_shows_every_pane_with_its_figures()
    {
        var screen = Screen(DashboardSample.View());

        Assert.Contains("kill switch: trading", screen);
        Assert.Contains("H halt trading · R resume · Q quit", screen);
        Assert.Contains("Cluster 1/1 up", screen);
        Assert.Contains("127.0.0.1:45651 Up, leader, this node", screen);
        Assert.Contains("roles market,execution,risk", screen);
        Assert.Contains("connected, 182 events/s", screen);
        Assert.Contains("markets 20, gaps 1, resyncs 1", screen);
        Assert.Contains("books awaiting snapshot 2", screen);
        Assert.Contains("exposure 340.5000 of 1000.0000, markets 4 of 10", screen);
        Assert.Contains("denials: OrdersPerMinute 3, MaxContractsPerMarket 1", screen);
        Assert.Contains("refused: Halted 2", screen);
        Assert.Contains("skipped: NoEdge 812, EdgeTooGood 2", screen);
        Assert.Contains("blocked: BookNotWhole 9", screen);
        Assert.Contains("KXNBAGAME-26DEC08LALBOS-BOS No 25.00 @ 0.3700 edge 0.0342: placed", screen); // recent signal
        Assert.Contains("Markets: 20 matched, 2 shown", screen);
        Assert.Contains("0.6100 x40.00", screen); // YES bid
        Assert.Contains("0.5794", screen); // fair
        Assert.Contains("0.0306", screen); // NO edge
        Assert.Contains("awaiting snapshot", screen);
        Assert.Contains("0.4032", screen); // fill fee in the fills pane
        Assert.Contains("taker", screen);
        Assert.Contains("KXNBAGAME-26DEC08LALBOS-LAL", screen); // position
        Assert.Contains("736894fa", screen); // open order, short id
        Assert.Contains("Resting", screen);
        Assert.Contains("ended: Filled 27, RiskDenied(OrdersPerMinute) 3", screen);
        Assert.Contains("fill KXNBAGAME-26DEC08LALBOS-BOS No 25.00 @ 0.3600", screen);
        Assert.Contains("not trading, EdgeTooGood", screen);
        Assert.Contains("1.8000", screen); // realized P&L
        Assert.Contains("0.9100", screen); // unrealized at fair
    }

    [Fact]
    public void A_halted_gate_says_so_in_the_header_and_the_risk_pane()
    {
        var screen = Screen(DashboardSample.View(DashboardSample.Status(KillSwitchState.Halted)));

        Assert.Contains("kill switch: HALTED", screen);
        Assert.Contains("Risk gate: HALTED", screen);
    }

    [Fact]
    public void The_halt_question_and_the_answer_of_the_last_key_are_shown()
    {
        Assert.Contains("HALT trading (every resting order is canceled)? press y to confirm", Screen(DashboardSample.View(prompt: DashboardPrompt.ConfirmHalt)));
        Assert.Contains("kill switch: HALTED (halted from the dashboard (H)); 0 orders in flight",
            Screen(DashboardSample.View(notice: "kill switch: HALTED (halted from the dashboard (H)); 0 orders in flight")));
    }

    [Fact]
    public void Before_the_first_answer_each_pane_says_what_it_waits_for()
    {
        var screen = Screen(DashboardSample.View() with { Document = null, StatusProblem = "the node did not answer within 5s", Activity = [] });

        Assert.Contains("kill switch: UNKNOWN", screen);
        Assert.Contains("status unavailable: the node did not answer within 5s", screen);
        Assert.Contains("the risk gate has not answered yet", screen);
        Assert.Contains("nothing yet", screen);
    }

    [Fact]
    public void Text_from_the_node_is_shown_literally_not_read_as_markup()
    {
        var view = DashboardSample.View() with { Notice = "halt FAILED: [red] is not a colour here" };

        Assert.Contains("halt FAILED: [red] is not a colour here", Screen(view));
    }
}
