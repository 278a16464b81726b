using Akka.Configuration;
using Akka.TestKit.Xunit2;

namespace KalshiArb.Actors.Tests;

/// <summary>A TestKit over its own throwaway SQLite journal, deleted when the spec ends.</summary>
public abstract class JournalTestKit : TestKit
{
    private readonly TestDatabase _db;

    /// <param name="config">The system's configuration when it needs more than the database's (default <c>db.AkkaConfig()</c>).</param>
    protected JournalTestKit(TestDatabase db, string systemName, Config? config = null) : base(config ?? db.AkkaConfig(), systemName) => _db = db;

    protected string ConnectionString => _db.ConnectionString;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _db.Dispose();
    }
}
