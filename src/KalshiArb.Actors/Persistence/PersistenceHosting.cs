using Akka.Hosting;

namespace KalshiArb.Actors.Persistence;

public static class PersistenceHosting
{
    /// <summary>
    /// The journal and snapshot store (SQLite file or PostgreSQL) from hocon/persistence-*.conf. Kept as HOCON although
    /// Akka.Persistence.Sql.Hosting has a typed WithSqlPersistence: the journal's class is our
    /// <see cref="GroupCommitJournal"/> (its write path) with the plugin's replay and read journal underneath, and the
    /// typed options write the plugin's own class; the SQLite read isolation and the snapshot file of its own are
    /// plain settings of those files too. Offline readers (audit, soak) compose the same <see cref="PersistenceConfig"/>.
    /// </summary>
    public static AkkaConfigurationBuilder WithKalshiArbPersistence(this AkkaConfigurationBuilder akka, PersistenceStore store, string connectionString) =>
        akka.AddHocon(PersistenceConfig.Create(store, connectionString), HoconAddMode.Prepend);

    /// <summary>
    /// Fail-closed start, step one: a probe event written and read back (<see cref="JournalSelfCheckActor"/>) before any
    /// other part starts. <paramref name="checkedAs"/> hears the result; an unhealthy journal then throws
    /// <see cref="JournalCheckFailedException"/>, which ends the start here.
    /// </summary>
    public static AkkaConfigurationBuilder WithJournalCheck(this AkkaConfigurationBuilder akka, Func<ActorSystem, string> probeId, TimeSpan timeout,
        Action<JournalCheckResult> checkedAs) =>
        akka.WithActors(async (system, _) =>
        {
            var check = system.ActorOf(JournalSelfCheckActor.Props(probeId(system)), "journal-self-check");
            var result = await check.Ask<JournalCheckResult>(new JournalSelfCheckActor.Run(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), timeout);
            checkedAs(result);
            if (!result.Healthy) throw new JournalCheckFailedException(result.Reason);
        });
}
