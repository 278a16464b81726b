using System.Runtime.Serialization;
using System.Text.Json.Nodes;

namespace KalshiArb.Actors.Tests.Serialization;

public sealed class KalshiArbSerializerSpec : TestKit
{
    public KalshiArbSerializerSpec() : base(SerializationConfig.Create(), "serializer-spec")
    {
    }

    private sealed record NotCatalogued(int X);

    [Fact]
    public void Catalogued_types_resolve_to_our_serializer_and_round_trip()
    {
        var evt = new JournalProbeEvent("p1", 42, new Money(-98_765));
        var serializer = Sys.Serialization.FindSerializerFor(evt);
        Assert.IsType<KalshiArbSerializer>(serializer);
        var sm = (KalshiArbSerializer)serializer;
        var bytes = sm.ToBinary(evt);
        Assert.Equal(JournalProbeEvent.Manifest, sm.Manifest(evt));
        Assert.Equal(evt, sm.FromBinary(bytes, JournalProbeEvent.Manifest));
    }

    [Fact]
    public void Unknown_types_and_manifests_are_refused_not_guessed()
    {
        var sm = new KalshiArbSerializer((ExtendedActorSystem)Sys);
        Assert.Throws<SerializationException>(() => sm.ToBinary(new NotCatalogued(1)));
        Assert.Throws<SerializationException>(() => sm.FromBinary("{}"u8.ToArray(), "nothing.v1"));
    }

    [Fact]
    public void Unregistered_types_are_not_silently_serialized_by_a_fallback()
    {
        Assert.ThrowsAny<Exception>(() => Sys.Serialization.FindSerializerFor(new NotCatalogued(1)).ToBinary(new NotCatalogued(1)));
    }

    [Fact]
    public void An_old_manifest_is_upcast_to_the_current_shape()
    {
        var registry = new ManifestRegistry()
            .Register<JournalProbeEvent>(JournalProbeEvent.Manifest)
            .RegisterUpcast("journal-probe.v0", JournalProbeEvent.Manifest, node =>
            {
                // v0 stored the sample in whole cents as a number
                var cents = node["sample_cents"]!.GetValue<long>();
                return new JsonObject
                {
                    ["probe_id"] = node["probe_id"]!.GetValue<string>(),
                    ["written_at_ms"] = node["written_at_ms"]!.GetValue<long>(),
                    ["sample"] = new Money(cents * 100).ToWire(),
                };
            });
        var sm = new KalshiArbSerializer((ExtendedActorSystem)Sys, registry);
        var old = """{"probe_id":"x","written_at_ms":7,"sample_cents":150}"""u8.ToArray();
        Assert.Equal(new JournalProbeEvent("x", 7, new Money(15_000)), sm.FromBinary(old, "journal-probe.v0"));
    }

    [Fact]
    public void Manifests_must_be_versioned_and_unique()
    {
        Assert.Throws<ArgumentException>(() => new ManifestRegistry().Register<JournalProbeEvent>("journal-probe"));
        Assert.Throws<ArgumentException>(() => new ManifestRegistry()
            .Register<JournalProbeEvent>("a.v1")
            .Register<NotCatalogued>("a.v1"));
    }

    [Fact]
    public void Fixed_point_values_are_stored_as_exact_wire_strings()
    {
        var sm = new KalshiArbSerializer((ExtendedActorSystem)Sys);
        var json = System.Text.Encoding.UTF8.GetString(sm.ToBinary(new JournalProbeEvent("p", 1, new Money(5_200))));
        Assert.Contains("\"sample\":\"0.5200\"", json);
    }
}
