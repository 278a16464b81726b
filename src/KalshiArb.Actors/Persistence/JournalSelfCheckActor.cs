using Akka.Event;
using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace KalshiArb.Actors.Persistence;

/// <summary>
/// Start-up proof that orders can be journaled: persists a probe event through our serializer, reads it
/// back through the SQL read journal and answers <see cref="JournalCheckResult"/>. A node that cannot
/// journal must not accept orders.
/// </summary>
public sealed class JournalSelfCheckActor : ReceivePersistentActor
{
    public sealed record Run(long NowMs);

    private readonly string _persistenceId;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private IActorRef? _replyTo;

    public JournalSelfCheckActor(string persistenceId)
    {
        _persistenceId = persistenceId;
        Recover<JournalProbeEvent>(_ => { });
        Command<Run>(run =>
        {
            _replyTo = Sender;
            var probe = new JournalProbeEvent(Guid.NewGuid().ToString("N"), run.NowMs, new Money(12_345));
            Persist(probe, written => ReadBack(written));
        });
        Command<JournalCheckResult>(result =>
        {
            if (!result.Healthy) _log.Error("journal self check failed: {0}", result.Reason);
            _replyTo?.Tell(result);
        });
        Command<Status.Failure>(f => Self.Tell(JournalCheckResult.Failed($"read journal: {f.Cause.Message}")));
    }

    public override string PersistenceId => _persistenceId;

    public static Props Props(string persistenceId) => Akka.Actor.Props.Create(() => new JournalSelfCheckActor(persistenceId));

    private void ReadBack(JournalProbeEvent written)
    {
        var journal = PersistenceQuery.Get(Context.System).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        journal.CurrentEventsByPersistenceId(_persistenceId, LastSequenceNr, LastSequenceNr)
            .RunWith(Sink.Seq<EventEnvelope>(), Context.System.Materializer())
            .PipeTo(Self, success: events =>
                events.Count == 1 && events[0].Event is JournalProbeEvent back && back == written
                    ? JournalCheckResult.Ok(LastSequenceNr)
                    : JournalCheckResult.Failed($"read back {events.Count} events, expected the probe just written"));
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        _replyTo?.Tell(JournalCheckResult.Failed($"persist failed: {cause.Message}"));
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        _replyTo?.Tell(JournalCheckResult.Failed($"persist rejected: {cause.Message}"));
        base.OnPersistRejected(cause, @event, sequenceNr);
    }
}
