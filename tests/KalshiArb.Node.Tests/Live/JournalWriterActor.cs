using Akka.Persistence;

namespace KalshiArb.Node.Tests.Live;

/// <summary>Writes given events under a persistence id and answers "written": a journal without running real orders.</summary>
public sealed class JournalWriterActor : ReceivePersistentActor
{
    public const string Written = "written";

    public JournalWriterActor(string persistenceId, IReadOnlyList<object> events)
    {
        PersistenceId = persistenceId;
        Recover<object>(_ => { });
        Command<string>(_ =>
        {
            var replyTo = Sender;
            PersistAll(events, _ => { });
            DeferAsync(Written, w => replyTo.Tell(w));
        });
    }

    public override string PersistenceId { get; }

    public static Props Props(string persistenceId, IReadOnlyList<object> events) =>
        Akka.Actor.Props.Create(() => new JournalWriterActor(persistenceId, events));
}
