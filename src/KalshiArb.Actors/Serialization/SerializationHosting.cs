using Akka.Hosting;

namespace KalshiArb.Actors.Serialization;

public static class SerializationHosting
{
    /// <summary>
    /// Every catalogued type bound to <see cref="KalshiArbSerializer"/>, unregistered types refused. HOCON
    /// (<see cref="SerializationConfig"/>): Akka.Hosting's typed serializer setup cannot forbid unregistered types, and the
    /// bindings must match what offline journal readers (audit) compose without a host.
    /// </summary>
    public static AkkaConfigurationBuilder WithKalshiArbSerialization(this AkkaConfigurationBuilder akka) =>
        akka.AddHocon(SerializationConfig.Create(), HoconAddMode.Prepend);
}
