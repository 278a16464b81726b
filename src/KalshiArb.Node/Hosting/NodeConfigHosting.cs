using Akka.Configuration;
using Akka.Hosting;
using KalshiArb.Actors;

namespace KalshiArb.Node.Hosting;

public static class NodeConfigHosting
{
    /// <summary>hocon/base.conf: the kalshiarb.* settings (<see cref="TradingConfig"/>) and Akka's log and shutdown defaults.</summary>
    public static AkkaConfigurationBuilder WithKalshiArbBase(this AkkaConfigurationBuilder akka) =>
        akka.AddHocon(HoconFiles.Load("base.conf"), HoconAddMode.Prepend);

    /// <summary>The operator's --config file over everything else; a file cut short refuses the start.</summary>
    public static AkkaConfigurationBuilder WithConfigOverlay(this AkkaConfigurationBuilder akka, string? path) =>
        path is null ? akka : akka.AddHocon(AkkaConfigComposer.Overlay(path), HoconAddMode.Prepend);
}
