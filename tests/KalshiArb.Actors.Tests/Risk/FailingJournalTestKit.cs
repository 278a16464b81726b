using Akka.Persistence.TestKit;

namespace KalshiArb.Actors.Tests.Risk;

/// <summary>
/// A TestKit over Akka.Persistence.TestKit's in-memory journal, which fails or rejects writes on command: how a
/// full disk looks to a persistent actor, without filling one.
/// </summary>
public abstract class FailingJournalTestKit(string systemName) : TestKit(Config(), systemName)
{
    /// <summary>Switch writes with <c>OnWrite.Fail()</c>, <c>Reject()</c>, <c>FailWithDelay(..)</c> and back with <c>Pass()</c>.</summary>
    protected ITestJournal Journal => TestJournal.FromRef(Akka.Persistence.Persistence.Instance.Apply(Sys).JournalFor(null));

    private static Config Config() =>
        ConfigurationFactory.ParseString("""
            akka.persistence.journal {
              plugin = "akka.persistence.journal.test"
              test {
                class = "Akka.Persistence.TestKit.TestJournal, Akka.Persistence.TestKit"
                plugin-dispatcher = "akka.actor.default-dispatcher"
              }
            }
            akka.persistence.snapshot-store {
              plugin = "akka.persistence.snapshot-store.test"
              test {
                class = "Akka.Persistence.TestKit.TestSnapshotStore, Akka.Persistence.TestKit"
                plugin-dispatcher = "akka.actor.default-dispatcher"
              }
            }
            """)
            .WithFallback(SerializationConfig.Create())
            .WithFallback(HoconFiles.Load("base.conf"));
}
