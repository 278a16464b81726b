namespace KalshiArb.Domain.Tests.Detection;

public class EvaluationGateTests
{
    [Fact]
    public void The_first_change_evaluates_at_once_at_its_own_time()
    {
        var gate = new EvaluationGate(250);
        Assert.Null(gate.TakeDue(1_000));
        Assert.Equal(1_000, gate.OnChange(1_000));
        Assert.Equal(1_000, gate.LastEvaluationMs);
        Assert.Null(gate.PendingDueMs);
    }

    [Fact]
    public void A_change_inside_the_interval_is_pending_until_last_plus_interval()
    {
        var gate = new EvaluationGate(250);
        gate.OnChange(1_000);
        Assert.Null(gate.TakeDue(1_100));
        Assert.Null(gate.OnChange(1_100));
        Assert.Equal(1_250, gate.PendingDueMs);
        // a second change inside the interval joins the pending evaluation
        Assert.Null(gate.TakeDue(1_200));
        Assert.Null(gate.OnChange(1_200));
        Assert.Equal(1_250, gate.PendingDueMs);
    }

    [Fact]
    public void A_change_at_or_after_the_due_time_first_flushes_the_pending_evaluation_at_that_time()
    {
        var gate = new EvaluationGate(250);
        gate.OnChange(1_000);
        gate.OnChange(1_100);
        Assert.Equal(1_250, gate.TakeDue(1_400));
        Assert.Null(gate.PendingDueMs);
        // the change itself came 150 ms after the flush: pending again, due 250 ms after the flush
        Assert.Null(gate.OnChange(1_400));
        Assert.Equal(1_500, gate.PendingDueMs);
    }

    [Fact]
    public void A_change_after_a_quiet_interval_evaluates_at_once()
    {
        var gate = new EvaluationGate(250);
        gate.OnChange(1_000);
        Assert.Null(gate.TakeDue(1_250));
        Assert.Equal(1_250, gate.OnChange(1_250));
    }

    [Fact]
    public void Time_never_goes_back()
    {
        var gate = new EvaluationGate(250);
        gate.OnChange(1_000);
        gate.OnChange(1_300);
        // an older stamp (e.g. a message from another actor that arrived late) counts as the latest time seen
        Assert.Equal(1_300, gate.TimeOf(900));
        Assert.Null(gate.OnChange(900));
        Assert.Equal(1_550, gate.PendingDueMs);
    }

    [Fact]
    public void A_zero_interval_evaluates_every_change()
    {
        var gate = new EvaluationGate(0);
        Assert.Equal(5, gate.OnChange(5));
        Assert.Equal(5, gate.OnChange(5));
        Assert.Equal(6, gate.OnChange(6));
        Assert.Null(gate.PendingDueMs);
    }
}
