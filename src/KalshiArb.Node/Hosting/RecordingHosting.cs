using Akka.Actor;
using Akka.Hosting;
using KalshiArb.Recording.Recorder;

namespace KalshiArb.Node.Hosting;

/// <summary>
/// <c>run --record DIR</c>: opens the <see cref="MarketDataRecorder"/> the market side's taps write to (the feed's frames,
/// the odds answers, the discovered catalog; see <c>TradingNodeManifest.MarketSources</c>) and closes it in the last
/// shutdown phase, saying what was recorded and dropped. The recording ends in the first phase, where the feed stops.
/// </summary>
public static class RecordingHosting
{
    public static AkkaConfigurationBuilder WithRecording(this AkkaConfigurationBuilder akka, string? directory, NodeStartup start) =>
        directory is null
            ? akka
            : akka.WithActors((system, _) =>
            {
                var recorder = start.Own(new MarketDataRecorder(directory));
                start.Recorder = recorder;
                start.Log.Information("recording market data and odds to {Directory}", Path.GetFullPath(directory));
                // The recording ends where the feed stops (shutdown's first phase); the connection may deliver frames
                // until the system terminates, after the close below, and those would count as dropped.
                CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "end-recording", () =>
                {
                    recorder.EndIntake();
                    return Task.FromResult(Akka.Done.Instance);
                });
                CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "close-recording", () =>
                    Task.Run(() =>
                    {
                        var counts = recorder.Close(TimeSpan.FromSeconds(20));
                        if (counts.Dropped > 0 || counts.WriterFault is not null) start.Log.Warning("recording closed: {Counts}", counts.ToString());
                        else start.Log.Information("recording closed: {Counts}", counts.ToString());
                        return Akka.Done.Instance;
                    }));
            });
}
