namespace KalshiArb.Node.Tests.Admin;

/// <summary>Stands in for the feed or the odds poller: answers one question with a fixed view, ignores the rest.</summary>
public sealed class FixedAnswerActor : ReceiveActor
{
    public FixedAnswerActor(Type question, object answer)
    {
        ReceiveAny(m =>
        {
            if (m.GetType() == question) Sender.Tell(answer);
        });
    }

    public static Props Props(Type question, object answer) => Akka.Actor.Props.Create(() => new FixedAnswerActor(question, answer));

    /// <summary>Never answers: how a stuck actor looks to the endpoint.</summary>
    public static Props Silent() => Props(typeof(Silence), new Silence());

    private sealed record Silence;
}
